package dev.simboard.transcript;

/**
 * One numbered message of a transcript; {@link #anchor()} is its fragment, {@code m1},
 * {@code m2}, ….
 *
 * @param number position from 1
 * @param speaker who said it
 * @param role the role as SigmaMind sent it
 * @param type {@code message}, or another kind such as a tool call
 * @param text the text, untrusted: templates must escape it
 */
public record Turn(int number, Speaker speaker, String role, String type, String text) {

	/** Messages longer than this many characters are folded on the page. */
	public static final int LENGTHY = 1_200;

	/** Whether the page folds this message, with a way to show it whole. */
	public boolean lengthy() {
		return this.text != null && this.text.length() > LENGTHY;
	}

	/** The page's classes for it: {@code turn agent}, {@code turn user tool}, …. */
	public String css() {
		String speaker = "turn " + this.speaker.name().toLowerCase(java.util.Locale.ROOT);
		return message() ? speaker : speaker + " tool";
	}

	public String anchor() {
		return "m" + this.number;
	}

	/** Whether this is an ordinary message rather than a tool call or the like. */
	public boolean message() {
		return this.type == null || "message".equalsIgnoreCase(this.type);
	}

}
