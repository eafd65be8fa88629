package dev.simboard.history;

import java.util.List;

/**
 * One batch run in a history strip.
 *
 * @param batchId the batch ID
 * @param batchHref the batch page
 * @param day short start date, {@code 03-26}
 * @param started full start time
 * @param outcome what the batch says about the case
 * @param squares one per attempt, oldest first; empty when not played or not listed
 * @param firstJobId the first attempt's job ID, or {@code null}
 * @param diffHref the transcript diff of this batch's first attempt against the previous
 * played batch's, or {@code null}
 */
record Column(String batchId, String batchHref, String day, String started, CaseOutcome outcome, List<Square> squares,
		String firstJobId, String diffHref) {

	Column withDiff(String href) {
		return new Column(this.batchId, this.batchHref, this.day, this.started, this.outcome, this.squares,
				this.firstJobId, href);
	}

}
