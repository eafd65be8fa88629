package dev.simboard.compare;

import java.util.List;

/**
 * One side of a row of a transcript diff: a turn of one of the two runs.
 *
 * @param number the turn's number in its run, for its {@code #m12} link
 * @param who who said it
 * @param css {@code agent}, {@code user} or {@code other}
 * @param href the turn on its run's page
 * @param segments its text, in stretches marked as same, deleted or inserted
 */
public record DiffCell(int number, String who, String css, String href, List<Segment> segments) {

	public DiffCell {
		segments = List.copyOf(segments);
	}

}
