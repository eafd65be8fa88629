package dev.simboard.archive;

import java.util.ArrayList;
import java.util.List;

/**
 * A short piece of a matching text around its first match, in parts that are or are not a
 * match, so that a page can mark the matches while escaping every part.
 *
 * @param parts the pieces in order; together they are the snippet's text
 */
public record Snippet(List<Part> parts) {

	/** Characters shown before the first match, at most. */
	static final int BEFORE = 60;

	/** Characters shown in all, at most, ellipses aside. */
	static final int WIDTH = 240;

	static final String ELLIPSIS = "…";

	public Snippet {
		parts = List.copyOf(parts);
	}

	/** The snippet's text, without marks. */
	public String text() {
		StringBuilder text = new StringBuilder();
		this.parts.forEach((part) -> text.append(part.text()));
		return text.toString();
	}

	/**
	 * The piece of {@code body} around the first occurrence of any of {@code terms}, case
	 * aside, with every occurrence in it marked; the start of the text when none occurs
	 * literally (full-text search also finds other forms of a word: "refunds" for
	 * "refund"). White space is shown as single spaces.
	 */
	static Snippet of(String body, List<String> terms) {
		String text = body.strip().replaceAll("\\s+", " ");
		int first = -1;
		for (String term : terms) {
			int at = indexOf(text, term, 0);
			if (at >= 0 && (first < 0 || at < first)) {
				first = at;
			}
		}
		int start = (first <= BEFORE) ? 0 : wordStart(text, first - BEFORE, first);
		int end = Math.min(text.length(), start + WIDTH);
		if (end < text.length()) {
			end = wordEnd(text, start, end, (first < 0) ? start : first);
		}
		if (start > 0 && Character.isLowSurrogate(text.charAt(start))) {
			start++;
		}
		if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		boolean[] marked = new boolean[end - start];
		for (String term : terms) {
			if (term.isEmpty()) {
				continue;
			}
			for (int at = indexOf(text, term, start); at >= 0 && at < end; at = indexOf(text, term, at + 1)) {
				for (int i = at; i < Math.min(end, at + term.length()); i++) {
					marked[i - start] = true;
				}
			}
		}
		List<Part> parts = new ArrayList<>();
		if (start > 0) {
			parts.add(new Part(ELLIPSIS, false));
		}
		int from = start;
		for (int i = start + 1; i <= end; i++) {
			if (i == end || marked[i - start] != marked[from - start]) {
				parts.add(new Part(text.substring(from, i), marked[from - start]));
				from = i;
			}
		}
		if (end < text.length()) {
			parts.add(new Part(ELLIPSIS, false));
		}
		return new Snippet(parts);
	}

	/**
	 * Where {@code term} occurs in {@code text} from {@code from}, case aside; -1 if not.
	 */
	static int indexOf(String text, String term, int from) {
		for (int at = from; at + term.length() <= text.length(); at++) {
			if (text.regionMatches(true, at, term, 0, term.length())) {
				return at;
			}
		}
		return -1;
	}

	/**
	 * The start of the first word at or after {@code at}, if one starts before
	 * {@code limit}.
	 */
	private static int wordStart(String text, int at, int limit) {
		for (int i = at; i < limit; i++) {
			if (Character.isWhitespace(text.charAt(i - 1)) && !Character.isWhitespace(text.charAt(i))) {
				return i;
			}
		}
		return at;
	}

	/**
	 * The end of the last whole word before {@code end}, if one ends after {@code floor}.
	 */
	private static int wordEnd(String text, int start, int end, int floor) {
		for (int i = end; i > Math.max(start, floor) + 1; i--) {
			if (Character.isWhitespace(text.charAt(i))) {
				return i;
			}
		}
		return end;
	}

	/**
	 * A piece of a snippet.
	 *
	 * @param text its text, untrusted: pages must escape it
	 * @param match whether it is a match
	 */
	public record Part(String text, boolean match) {

	}

}
