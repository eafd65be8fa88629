package dev.simboard.archive;

import java.util.Locale;
import java.util.Objects;

/**
 * One text of an archived run that search reads: a message of its conversation, the
 * judge's remarks, or its test case's label or success criteria. Only the first
 * {@link #MAX_LENGTH} characters of a text are searched; the run's JSON keeps it whole.
 *
 * @param kind what the text is
 * @param number for a message, its number in the conversation as the run page numbers it
 * (from 1: {@code #m1}); 0 for the other kinds
 * @param speaker who said a message ({@code user}, {@code assistant}, …), or {@code null}
 * @param body the text
 */
public record SearchText(Kind kind, int number, String speaker, String body) {

	/** The longest text searched, in characters. */
	public static final int MAX_LENGTH = 65_536;

	/** The longest speaker kept, in characters. */
	static final int MAX_SPEAKER_LENGTH = 64;

	public SearchText {
		Objects.requireNonNull(kind, "kind");
		if (kind == Kind.MESSAGE ? number < 1 : number != 0) {
			throw new IllegalArgumentException("a message's number counts from 1, other texts have 0: " + number);
		}
		speaker = cut(speaker, MAX_SPEAKER_LENGTH);
		// PostgreSQL's text takes no NUL character: one must not cost a batch its
		// archive.
		body = cut(Objects.requireNonNullElse(body, "").replace('\u0000', ' '), MAX_LENGTH);
	}

	/** Message {@code number} (from 1) of the conversation. */
	public static SearchText message(int number, String speaker, String body) {
		return new SearchText(Kind.MESSAGE, number, speaker, body);
	}

	/** The judge's remarks. */
	public static SearchText remarks(String body) {
		return new SearchText(Kind.REMARKS, 0, null, body);
	}

	/** The test case's label. */
	public static SearchText label(String body) {
		return new SearchText(Kind.LABEL, 0, null, body);
	}

	/** The test case's success criteria. */
	public static SearchText criteria(String body) {
		return new SearchText(Kind.CRITERIA, 0, null, body);
	}

	/** The first {@code max} characters, never splitting a surrogate pair. */
	private static String cut(String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
		return text.substring(0, end);
	}

	/** What a searched text is, in the order a run's matches are listed. */
	public enum Kind {

		/** A message of the conversation. */
		MESSAGE,
		/** The judge's remarks. */
		REMARKS,
		/** The test case's label. */
		LABEL,
		/** The test case's success criteria. */
		CRITERIA;

		/** As the database stores it. */
		String column() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Kind ofColumn(String value) {
			return valueOf(value.toUpperCase(Locale.ROOT));
		}

	}

}
