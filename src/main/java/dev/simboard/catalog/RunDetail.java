package dev.simboard.catalog;

import dev.simboard.sigmamind.TestRun;
import dev.simboard.transcript.Transcript;

/**
 * A test run with its transcript, from the run itself or from its chat.
 *
 * @param run the run
 * @param transcript its turns
 * @param transcriptProblem why no transcript could be had, or {@code null}
 * @param attempt which attempt of its test case it is, when the batch's runs are at hand
 * @param staleness the oldest stale part shown, or {@code null}
 */
public record RunDetail(TestRun run, Transcript transcript, String transcriptProblem, Attempt attempt,
		Staleness staleness) {

}
