package dev.simboard.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A person's review of a run's verdict: one version of it (the run's current review is
 * its newest).
 *
 * @param jobId the run reviewed
 * @param judge the judge's verdict on the run, {@link Verdict#PASSED} or
 * {@link Verdict#FAILED}
 * @param verdict the reviewer's word on it
 * @param label the failure label, or {@code null}
 * @param note a short note, or {@code null}
 * @param ticket an http or https link to a ticket, or {@code null}
 * @param reviewer who saved this version
 * @param at when
 * @param version 1 for the first review, one more for each change
 */
public record Review(String jobId, Verdict judge, HumanVerdict verdict, String label, String note, String ticket,
		String reviewer, Instant at, int version) {

	public Review {
		Objects.requireNonNull(jobId, "jobId");
		Objects.requireNonNull(judge, "judge");
		Objects.requireNonNull(verdict, "verdict");
	}

	/** The verdict that counts: the reviewer's. */
	public Verdict effective() {
		return this.verdict.over(this.judge);
	}

	/** Whether the reviewer overturned the judge. */
	public boolean overturns() {
		return effective() != this.judge;
	}

}
