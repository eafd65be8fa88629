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
 * @param medianDuration the median run duration, or a dash
 * @param p90Duration the 90th percentile run duration, or a dash
 * @param models the models that played the simulated users
 * @param testCases the first of the cases it plays, for the table
 * @param testCaseCount how many cases it plays
 * @param testCaseChoices the cases the filter offers
 * @param testCaseChoicesTrimmed whether there are too many cases to offer them all
 * @param runs the runs of this page of the view
 * @param runsListed whether SigmaMind listed the runs
 * @param matching how many runs the view's filters keep, over all pages
 * @param listedRuns how many runs SigmaMind listed
 * @param page this page, from 1
 * @param pages how many pages the view has
 * @param previousHref the previous page, or {@code null}
 * @param nextHref the next page, or {@code null}
 * @param reviews how far the team has reviewed the batch
 */
record BatchView(String id, String created, String createdIso, int passed, int failed, int total, int pending,
		Integer passRate, String passRateText, boolean running, String medianDuration, String p90Duration,
		String models, List<TestCaseRow> testCases, int testCaseCount, List<TestCaseRow> testCaseChoices,
		boolean testCaseChoicesTrimmed, List<RunRow> runs, boolean runsListed, int matching, int listedRuns, int page,
		int pages, String previousHref, String nextHref, ReviewSummary reviews) {

}
