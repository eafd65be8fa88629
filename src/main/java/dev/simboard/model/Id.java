package dev.simboard.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A SigmaMind ID that follows the one rule for IDs: letters, digits, {@code _} and
 * {@code -}, at most 128 of them. It is checked once, when it is made, so whatever holds
 * an {@code Id} (a page's address, a cache key, a request to SigmaMind) need not check it
 * again. {@link #toString()} is the ID itself, so links and templates read it as text.
 * <p>
 * The model's records keep the IDs SigmaMind sends as {@code String}s: they are its
 * words, shown and linked (links encode them) whatever their shape, and become an
 * {@code Id} only where Simboard asks SigmaMind for something by them.
 *
 * @param value the ID as SigmaMind spells it
 */
public record Id(String value) {

	/**
	 * The rule as a regular expression, for larger patterns and for forms'
	 * {@code pattern} attribute (whose {@code v} flag wants the {@code -} escaped).
	 */
	public static final String REGEXP = "[A-Za-z0-9_\\-]{1,128}";

	/** What a refused ID is told. */
	public static final String MESSAGE = "must be a SigmaMind ID: letters, digits, _ and -, at most 128 of them";

	private static final Pattern PATTERN = Pattern.compile(REGEXP);

	/**
	 * Checks the rule.
	 * @throws Invalid if {@code value} is {@code null} or does not follow it
	 */
	public Id {
		if (!valid(value)) {
			throw new Invalid(value);
		}
	}

	/**
	 * The ID {@code value} names.
	 * @throws Invalid if it does not follow the rule
	 */
	public static Id of(String value) {
		return new Id(value);
	}

	/** The ID {@code value} names, or empty when it does not follow the rule. */
	public static Optional<Id> parse(String value) {
		return valid(value) ? Optional.of(new Id(value)) : Optional.empty();
	}

	/** Whether {@code value} follows the rule; {@code null} does not. */
	public static boolean valid(String value) {
		return value != null && PATTERN.matcher(value).matches();
	}

	@Override
	public String toString() {
		return this.value;
	}

	/**
	 * A value that is not a SigmaMind ID. Its message says what an ID is, and shows no
	 * more than the start of what was given.
	 */
	public static final class Invalid extends IllegalArgumentException {

		/** Characters of the refused value the message shows. */
		static final int SHOWN = 40;

		Invalid(String value) {
			super(shown(value) + " " + MESSAGE);
		}

		private static String shown(String value) {
			if (value == null) {
				return "null";
			}
			String start = (value.length() > SHOWN) ? value.substring(0, SHOWN) + "…" : value;
			return "\"" + start.replaceAll("\\p{Cntrl}", "?") + "\" (" + value.length() + " characters)";
		}

	}

}
