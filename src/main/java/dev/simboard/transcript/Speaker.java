package dev.simboard.transcript;

/**
 * Who said a turn: the simulated user, the agent under test, or something else (a tool,
 * the system) that is shown rather than dropped.
 */
public enum Speaker {

	USER("Simulated user"), AGENT("Agent"), OTHER("Other");

	private final String label;

	Speaker(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/**
	 * Who a SigmaMind role is ({@code user}, {@code assistant}, …); {@code null} is
	 * another.
	 */
	public static Speaker of(String role) {
		if (role == null) {
			return OTHER;
		}
		return switch (role.trim().toLowerCase(java.util.Locale.ROOT)) {
			case "user", "customer", "human" -> USER;
			case "assistant", "agent", "bot" -> AGENT;
			default -> OTHER;
		};
	}

}
