package dev.simboard.model;

import java.time.Instant;
import java.util.List;

/**
 * A batch run: test cases played against one agent. A batch whose judged attempts are
 * fewer than its total is still running.
 *
 * @param id opaque ID, {@code batch_…}
 * @param agent the agent under test, or {@code null} when SigmaMind names none
 * @param created when it started, or {@code null}
 * @param testCases the cases it plays
 * @param passed attempts judged successful
 * @param failed attempts judged failed
 * @param total all attempts, judged or not
 */
public record Batch(String id, Agent agent, Instant created, List<TestCase> testCases, int passed, int failed,
		int total) {

	public Batch {
		testCases = List.copyOf(testCases);
	}

	/** Attempts not judged yet. */
	public int pending() {
		return Math.max(0, this.total - this.passed - this.failed);
	}

	/** Whether some attempts are not judged yet. */
	public boolean running() {
		return this.passed + this.failed < this.total;
	}

	/**
	 * Whether every attempt is judged, so the batch never changes again. A batch with no
	 * attempts counted yet is not finished: it may just have started.
	 */
	public boolean finished() {
		return this.total > 0 && !running();
	}

	/**
	 * Share of judged attempts that passed, as a whole percent; {@code null} when none is
	 * judged yet.
	 */
	public Integer passRate() {
		return passRate(this.passed, this.failed);
	}

	/** The pass rate of these counts: see {@link #passRate()}. */
	public static Integer passRate(int passed, int failed) {
		int judged = passed + failed;
		return (judged > 0) ? (int) Math.round(passed * 100.0 / judged) : null;
	}

}
