package dev.simboard.catalog;

import dev.simboard.model.Attempt;
import dev.simboard.model.Run;
import dev.simboard.transcript.Transcript;

/**
 * A test run with its transcript, from the run itself or from its chat: pages read the
 * transcript and never ask which dialect it came in.
 *
 * @param run the run, as the catalog caches it
 * @param transcript its turns
 * @param transcriptProblem why no transcript could be had, or {@code null}
 * @param attempt which attempt of its test case it is, when the batch's runs are at hand
 * @param staleness the oldest stale part shown, or {@code null}
 * @param goneUpstream whether SigmaMind said lately it no longer has the run, and the run
 * shown is Simboard's archived copy
 */
public record RunDetail(Run run, Transcript transcript, String transcriptProblem, Attempt attempt, Staleness staleness,
		boolean goneUpstream) {

	public RunDetail(Run run, Transcript transcript, String transcriptProblem, Attempt attempt, Staleness staleness) {
		this(run, transcript, transcriptProblem, attempt, staleness, false);
	}

}
