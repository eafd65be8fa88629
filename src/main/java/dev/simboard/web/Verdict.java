package dev.simboard.web;

import dev.simboard.model.Review;
import dev.simboard.model.Run;

/**
 * A run's outcome as the pages show it, with a word as well as a colour: the judge's
 * {@linkplain dev.simboard.model.Verdict verdict}, and for a run without one, whether it
 * is still going or finished without one.
 */
public enum Verdict {

	PASSED("Passed", "passed"), FAILED("Failed", "failed"), RUNNING("Running", "running"),
	UNJUDGED("No verdict", "unjudged");

	private final String label;

	private final String css;

	Verdict(String label, String css) {
		this.label = label;
		this.css = css;
	}

	public static Verdict of(Run run) {
		return switch (run.verdict()) {
			case PASSED -> PASSED;
			case FAILED -> FAILED;
			case PENDING -> (run.completed() == null) ? RUNNING : UNJUDGED;
		};
	}

	/**
	 * The verdict that counts: a reviewer's where the run has a review, else the judge's.
	 */
	public static Verdict of(Run run, Review review) {
		if (review == null) {
			return of(run);
		}
		return (review.effective() == dev.simboard.model.Verdict.PASSED) ? PASSED : FAILED;
	}

	public String label() {
		return this.label;
	}

	public String css() {
		return this.css;
	}

}
