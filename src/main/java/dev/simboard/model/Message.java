package dev.simboard.model;

/**
 * One message of a conversation, whichever way SigmaMind sent it.
 *
 * @param role who said it as SigmaMind says it ({@code user}, {@code assistant}, …), or
 * {@code null}
 * @param type {@code message}, or another kind such as a tool call
 * @param text the text, never {@code null}; untrusted: pages must escape it
 */
public record Message(String role, String type, String text) {

	/** The type of an ordinary message. */
	public static final String MESSAGE = "message";

	public Message {
		type = (type != null) ? type : MESSAGE;
		text = (text != null) ? text : "";
	}

}
