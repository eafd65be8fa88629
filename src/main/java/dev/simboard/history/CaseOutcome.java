package dev.simboard.history;

/**
 * What one batch run says about one test case. A batch <em>fails</em> the case when at
 * least one attempt failed and none passed; attempts that both pass and fail make it
 * {@link #MIXED}.
 */
enum CaseOutcome {

	PASSED("Passed", "passed", true), FAILED("Failed", "failed", true), MIXED("Attempts disagree", "mixed", true),
	RUNNING("Still running", "running", false), UNJUDGED("No verdict", "unjudged", false),
	ABSENT("Not played", "absent", false), UNKNOWN("Runs not available", "unknown", false);

	private final String label;

	private final String css;

	private final boolean judged;

	CaseOutcome(String label, String css, boolean judged) {
		this.label = label;
		this.css = css;
		this.judged = judged;
	}

	public String label() {
		return this.label;
	}

	public String css() {
		return this.css;
	}

	/** Whether this is a verdict on the case, so it counts for changes and streaks. */
	public boolean judged() {
		return this.judged;
	}

}
