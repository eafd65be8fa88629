package dev.simboard.agent;

import dev.simboard.review.Overturns;
import dev.simboard.web.Formats;

/**
 * One batch run on the agent page.
 *
 * @param id the batch ID
 * @param href the batch page
 * @param created when it started, for reading
 * @param createdIso when it started, ISO-8601
 * @param testCases how many test cases it plays
 * @param passed attempts judged successful
 * @param failed attempts judged failed
 * @param total all attempts
 * @param passRate share of judged attempts that passed, {@code null} before any verdict
 * @param passRateText the share as text
 * @param running whether attempts are still unjudged
 * @param pinName the name it is pinned as a baseline under, or {@code null}
 * @param overturns how often reviewers overturned the judge in it
 * @param reviewedPassRate the pass rate with reviewers' verdicts counted instead of the
 * judge's where they differ, or {@code null} when that leaves it as it is
 */
record BatchRow(String id, String href, String created, String createdIso, int testCases, int passed, int failed,
		int total, Integer passRate, String passRateText, boolean running, String pinName, Overturns overturns,
		Integer reviewedPassRate) {

	/** The reviewed pass rate as text, or {@code null}. */
	public String reviewedPassRateText() {
		return (this.reviewedPassRate != null) ? Formats.percent(this.reviewedPassRate) : null;
	}

}
