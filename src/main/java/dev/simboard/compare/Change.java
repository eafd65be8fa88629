package dev.simboard.compare;

/**
 * How a test case's outcome moved from the base batch to the head batch, in the order the
 * compare page lists the groups.
 */
public enum Change {

	REGRESSION("Regressions", "regression", "Fewer attempts passed in the head batch than in the base batch."),
	FIX("Fixes", "fix", "More attempts passed in the head batch than in the base batch."),
	STILL_FAILING("Still failing", "still-failing", "As many attempts passed in both batches, but not all of them."),
	STILL_PASSING("Still passing", "still-passing", "Every attempt passed in both batches."),
	ONLY_BASE("Only in base", "only-base", "Played in the base batch only."),
	ONLY_HEAD("Only in head", "only-head", "Played in the head batch only."), UNDECIDED("Not judged yet", "undecided",
			"Attempts without a verdict yet (or no attempts at all) could still move these to another group.");

	private final String label;

	private final String css;

	private final String description;

	Change(String label, String css, String description) {
		this.label = label;
		this.css = css;
		this.description = description;
	}

	public String label() {
		return this.label;
	}

	public String css() {
		return this.css;
	}

	public String description() {
		return this.description;
	}

}
