package dev.simboard.batch;

import dev.simboard.review.ReviewView;
import dev.simboard.web.Verdict;

/**
 * One test run in a batch's table.
 *
 * @param jobId the job ID
 * @param href the run page, keeping the batch view for previous and next
 * @param label the test case played
 * @param attempt which attempt of the test case, such as {@code 2 of 3}, or empty
 * @param verdict the outcome
 * @param duration how long it took, or a dash
 * @param created when it started
 * @param createdIso when it started, ISO-8601
 * @param remarks the start of the judge's remarks
 * @param review the team's review, or {@code null}
 */
record RunRow(String jobId, String href, String label, String attempt, Verdict verdict, String duration, String created,
		String createdIso, String remarks, ReviewView review) {

}
