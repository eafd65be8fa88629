package dev.simboard.agent;

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
 */
record BatchRow(String id, String href, String created, String createdIso, int testCases, int passed, int failed,
		int total, Integer passRate, String passRateText, boolean running, String pinName) {

}
