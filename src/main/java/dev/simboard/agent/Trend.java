package dev.simboard.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * The pass rate over an agent's batches, oldest on the left, as coordinates for a small
 * server-rendered SVG chart (no chart library, no script).
 *
 * @param line the polyline's points, {@code "x,y x,y …"}
 * @param points one dot per batch with a pass rate
 * @param reviewedLine the pass rate with reviewers' verdicts counted, where they changed
 * any: the same points but for those batches; empty when they changed none
 */
record Trend(String line, List<Point> points, String reviewedLine) {

	static final int WIDTH = 640;

	static final int HEIGHT = 160;

	private static final int LEFT = 40;

	private static final int RIGHT = 16;

	private static final int TOP = 12;

	private static final int BOTTOM = 28;

	/**
	 * A batch on the chart.
	 *
	 * @param x horizontal position
	 * @param y vertical position
	 * @param label what a tooltip says
	 * @param running whether the batch is still running
	 * @param href the batch page
	 */
	record Point(int x, int y, String label, boolean running, String href) {
	}

	/** From batches newest first, as the agent page lists them. */
	static Trend of(List<BatchRow> newestFirst) {
		List<BatchRow> batches = new ArrayList<>(newestFirst);
		java.util.Collections.reverse(batches);
		List<Point> points = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		StringBuilder reviewedLine = new StringBuilder();
		boolean overturned = false;
		int plotWidth = WIDTH - LEFT - RIGHT;
		for (int i = 0; i < batches.size(); i++) {
			BatchRow batch = batches.get(i);
			if (batch.passRate() == null) {
				continue;
			}
			int x = LEFT + ((batches.size() == 1) ? plotWidth / 2 : i * plotWidth / (batches.size() - 1));
			int y = yOf(batch.passRate());
			String reviewed = (batch.reviewedPassRate() != null) ? ", " + batch.reviewedPassRateText() + " after review"
					: "";
			points
				.add(new Point(x, y,
						batch.created() + ": " + batch.passRateText() + " passed"
								+ (batch.running() ? " so far (running)" : "") + reviewed,
						batch.running(), batch.href()));
			line.append((line.length() > 0) ? " " : "").append(x).append(',').append(y);
			int reviewedY = (batch.reviewedPassRate() != null) ? yOf(batch.reviewedPassRate()) : y;
			overturned |= batch.reviewedPassRate() != null;
			reviewedLine.append((reviewedLine.length() > 0) ? " " : "").append(x).append(',').append(reviewedY);
		}
		return new Trend(line.toString(), points, overturned ? reviewedLine.toString() : "");
	}

	/** The y of a pass rate, for the gridlines. */
	public int y(int percent) {
		return yOf(percent);
	}

	private static int yOf(int percent) {
		return TOP + (100 - percent) * (HEIGHT - TOP - BOTTOM) / 100;
	}

	public int left() {
		return LEFT;
	}

	public int right() {
		return WIDTH - RIGHT;
	}

}
