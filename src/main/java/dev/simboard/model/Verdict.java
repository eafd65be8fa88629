package dev.simboard.model;

/**
 * The judge's verdict on a run: passed, failed, or not given yet. Whether a run without
 * one is still going or finished without it is the run's to say (see
 * {@link Run#completed()}).
 */
public enum Verdict {

	PASSED, FAILED, PENDING;

	/** From a yes, a no, or nothing yet. */
	public static Verdict of(Boolean successful) {
		if (successful == null) {
			return PENDING;
		}
		return successful ? PASSED : FAILED;
	}

	/** Whether the judge has spoken. */
	public boolean judged() {
		return this != PENDING;
	}

}
