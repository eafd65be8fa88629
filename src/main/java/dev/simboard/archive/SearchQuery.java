package dev.simboard.archive;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a search asks for, parsed from what a person typed: words, all of which must be in
 * a matching text; {@code "quoted phrases"}, which must be there exactly as typed (case
 * aside); and {@code -word} or {@code -"a phrase"}, which must not. The archive binds
 * every term as a parameter, never as SQL.
 *
 * @param required the terms a matching text has
 * @param excluded the terms it has not
 */
public record SearchQuery(List<Term> required, List<Term> excluded) {

	/** Terms kept from one query; more are ignored. */
	public static final int MAX_TERMS = 10;

	/** The longest term, in characters; longer ones are cut. */
	public static final int MAX_TERM_LENGTH = 100;

	/** The longest query read, in characters; the rest is ignored. */
	public static final int MAX_QUERY_LENGTH = 1_000;

	/** A query that asks for nothing. */
	public static final SearchQuery EMPTY = new SearchQuery(List.of(), List.of());

	public SearchQuery {
		required = List.copyOf(required);
		excluded = List.copyOf(excluded);
	}

	/**
	 * Reads a query: words split at white space, {@code "…"} a phrase (an unclosed one
	 * runs to the end), a leading {@code -} excludes the word or phrase after it.
	 * Punctuation around a word is dropped ({@code refund,} is {@code refund}); inside
	 * it, it stays ({@code O'Brien}, {@code job_12}). Repeated terms count once.
	 */
	public static SearchQuery parse(String text) {
		return parse(text, MAX_TERMS);
	}

	/**
	 * How many terms {@code text} asks for, counting those past {@link #MAX_TERMS} that
	 * {@link #parse} ignores (repeated ones count once), so that a page can refuse such a
	 * query rather than search for part of it.
	 */
	public static int countTerms(String text) {
		SearchQuery all = parse(text, Integer.MAX_VALUE);
		return all.required.size() + all.excluded.size();
	}

	private static SearchQuery parse(String text, int maxTerms) {
		if (text == null) {
			return EMPTY;
		}
		String query = (text.length() > MAX_QUERY_LENGTH) ? text.substring(0, MAX_QUERY_LENGTH) : text;
		List<Term> required = new ArrayList<>();
		List<Term> excluded = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		int at = 0;
		while (at < query.length()) {
			if (Character.isWhitespace(query.charAt(at))) {
				at++;
				continue;
			}
			boolean negated = query.charAt(at) == '-';
			if (negated) {
				at++;
			}
			int end;
			Term term;
			if (at < query.length() && query.charAt(at) == '"') {
				int close = query.indexOf('"', at + 1);
				end = (close < 0) ? query.length() : close + 1;
				term = Term.phrase(query.substring(at + 1, (close < 0) ? end : close));
			}
			else {
				end = at;
				while (end < query.length() && !Character.isWhitespace(query.charAt(end))) {
					end++;
				}
				term = Term.word(query.substring(at, end));
			}
			at = end;
			if (term != null && required.size() + excluded.size() < maxTerms
					&& seen.add((negated ? "-" : "+") + term.text().toLowerCase(Locale.ROOT))) {
				(negated ? excluded : required).add(term);
			}
		}
		return new SearchQuery(required, excluded);
	}

	/**
	 * Whether it asks for nothing: no word or phrase to find (exclusions alone find
	 * nothing).
	 */
	public boolean isEmpty() {
		return this.required.isEmpty();
	}

	/** The query written back out, as a search box shows it. */
	public String text() {
		return Stream
			.concat(this.required.stream().map(Term::text), this.excluded.stream().map((term) -> "-" + term.text()))
			.collect(Collectors.joining(" "));
	}

	/**
	 * A word or a phrase.
	 *
	 * @param value what to find, never blank, white space inside a phrase made single
	 * spaces
	 * @param phrase whether it was quoted: found exactly as typed, case aside
	 */
	public record Term(String value, boolean phrase) {

		static Term word(String text) {
			int start = 0;
			int end = text.length();
			while (start < end && !Character.isLetterOrDigit(text.codePointAt(start))) {
				start += Character.charCount(text.codePointAt(start));
			}
			while (end > start && !Character.isLetterOrDigit(text.codePointBefore(end))) {
				end -= Character.charCount(text.codePointBefore(end));
			}
			return (start < end) ? new Term(limit(text.substring(start, end)), false) : null;
		}

		static Term phrase(String text) {
			String value = text.strip().replaceAll("\\s+", " ");
			return value.isEmpty() ? null : new Term(limit(value), true);
		}

		private static String limit(String value) {
			if (value.length() <= MAX_TERM_LENGTH) {
				return value;
			}
			int end = Character.isHighSurrogate(value.charAt(MAX_TERM_LENGTH - 1)) ? MAX_TERM_LENGTH - 1
					: MAX_TERM_LENGTH;
			return value.substring(0, end).strip();
		}

		/** As typed: a phrase in quotes. */
		public String text() {
			return this.phrase ? '"' + this.value + '"' : this.value;
		}

	}

}
