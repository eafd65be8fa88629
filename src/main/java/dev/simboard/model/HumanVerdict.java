package dev.simboard.model;

import java.util.Locale;
import java.util.Optional;

/** A reviewer's word on the judge's verdict. */
public enum HumanVerdict {

	/** The judge was right. */
	AGREE("Agrees with the judge"),
	/** The run should have passed. */
	PASS("Should have passed"),
	/** The run should have failed. */
	FAIL("Should have failed");

	private final String label;

	HumanVerdict(String label) {
		this.label = label;
	}

	/** For people. */
	public String label() {
		return this.label;
	}

	/** As forms, query strings and the database spell it: {@code agree}. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The verdict that counts: the judge's where the reviewer agrees. */
	public Verdict over(Verdict judge) {
		return switch (this) {
			case AGREE -> judge;
			case PASS -> Verdict.PASSED;
			case FAIL -> Verdict.FAILED;
		};
	}

	/** From its {@link #value()}, or empty. */
	public static Optional<HumanVerdict> parse(String value) {
		for (HumanVerdict verdict : values()) {
			if (verdict.value().equals(value)) {
				return Optional.of(verdict);
			}
		}
		return Optional.empty();
	}

}
