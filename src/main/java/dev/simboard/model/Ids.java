package dev.simboard.model;

import java.util.regex.Pattern;

/**
 * The one rule for IDs: SigmaMind's IDs are opaque strings of letters, digits, {@code _}
 * and {@code -}; Simboard takes at most 128 of them. Addresses are validated against it
 * before anything is asked of SigmaMind, and the adapter checks it again before it puts
 * an ID into a request.
 */
public final class Ids {

	/** The rule as a regular expression, for {@code @Pattern} and larger patterns. */
	public static final String REGEXP = "[A-Za-z0-9_-]{1,128}";

	/** What a refused ID is told. */
	public static final String MESSAGE = "must be a SigmaMind ID: letters, digits, _ and -, at most 128 of them";

	private static final Pattern PATTERN = Pattern.compile(REGEXP);

	private Ids() {
	}

	/** Whether {@code id} follows the rule; {@code null} does not. */
	public static boolean valid(String id) {
		return id != null && PATTERN.matcher(id).matches();
	}

}
