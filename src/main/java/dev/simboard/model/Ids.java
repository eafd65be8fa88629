package dev.simboard.model;

/**
 * The rule for IDs as strings, for the callers not yet reading {@link Id}s: it is
 * {@link Id}'s, and lives there.
 */
public final class Ids {

	/** The rule as a regular expression, for {@code @Pattern} and larger patterns. */
	public static final String REGEXP = Id.REGEXP;

	/** What a refused ID is told. */
	public static final String MESSAGE = Id.MESSAGE;

	private Ids() {
	}

	/** Whether {@code id} follows the rule; {@code null} does not. */
	public static boolean valid(String id) {
		return Id.valid(id);
	}

}
