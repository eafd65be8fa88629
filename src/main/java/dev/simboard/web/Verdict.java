package dev.simboard.web;

import dev.simboard.sigmamind.TestRun;

/**
 * A run's outcome as the pages show it, with a word as well as a colour.
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

	public static Verdict of(TestRun run) {
		if (run.completedDate() == null) {
			return (run.successful() != null) ? of(run.successful()) : RUNNING;
		}
		return (run.successful() != null) ? of(run.successful()) : UNJUDGED;
	}

	private static Verdict of(boolean successful) {
		return successful ? PASSED : FAILED;
	}

	public String label() {
		return this.label;
	}

	public String css() {
		return this.css;
	}

}
