package dev.simboard.compare;

import java.util.List;

/**
 * The transcript diff page: two runs' conversations aligned turn by turn.
 *
 * @param base the older run
 * @param head the newer run
 * @param rows the aligned turns; empty when either transcript is missing
 * @param same turns alike in both
 * @param changed turns changed in place
 * @param removed turns of the base run only
 * @param added turns of the head run only
 * @param sameTestCase whether both runs play the same test case
 * @param compareHref the comparison of the two runs' batches
 */
public record DiffView(DiffSide base, DiffSide head, List<DiffRow> rows, int same, int changed, int removed, int added,
		boolean sameTestCase, String compareHref) {

	public DiffView {
		rows = List.copyOf(rows);
	}

	public boolean comparable() {
		return this.base.transcriptProblem() == null && this.head.transcriptProblem() == null;
	}

}
