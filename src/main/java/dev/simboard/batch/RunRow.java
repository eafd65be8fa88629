package dev.simboard.batch;

import dev.simboard.web.Verdict;

/**
 * One test run in a batch's table.
 *
 * @param jobId the job ID
 * @param href the run page
 * @param label the test case played
 * @param attempt which attempt of the test case, from 1
 * @param attempts how many attempts the test case has
 * @param verdict the outcome
 * @param duration how long it took, or a dash
 * @param created when it started
 * @param createdIso when it started, ISO-8601
 */
record RunRow(String jobId, String href, String label, int attempt, int attempts, Verdict verdict, String duration,
		String created, String createdIso) {

}
