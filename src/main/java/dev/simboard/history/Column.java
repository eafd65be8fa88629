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
 */
record Column(String batchId, String batchHref, String day, String started, CaseOutcome outcome, List<Square> squares) {

}
