package dev.simboard.batch;

import java.util.List;

/**
 * What the batch page shows.
 *
 * @param id the batch ID
 * @param created when it started
 * @param createdIso when it started, ISO-8601
 * @param passed attempts judged successful
 * @param failed attempts judged failed
 * @param total all attempts
 * @param pending attempts not judged yet
 * @param passRate share of judged attempts that passed, or {@code null}
 * @param passRateText that share as text
 * @param running whether attempts are still unjudged
 * @param testCases the cases it plays
 * @param runs its runs, by test case and attempt
 * @param runsListed whether SigmaMind listed the runs
 */
record BatchView(String id, String created, String createdIso, int passed, int failed, int total, int pending,
		Integer passRate, String passRateText, boolean running, List<TestCaseRow> testCases, List<RunRow> runs,
		boolean runsListed) {

}
