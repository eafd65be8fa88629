package dev.simboard.catalog;

import java.time.Instant;
import java.util.List;

import dev.simboard.model.Verdict;

/**
 * What a search of an agent's archived runs found, for the search page: runs newest batch
 * first, each with its first matching texts, their matches marked.
 *
 * @param status whether the archive was searched
 * @param query the query as it was read (repeated terms once, punctuation around words
 * dropped), for the page to say what it searched for
 * @param hits the runs found, at most {@link ArchiveSearch#MAX_RUNS}
 * @param capped whether more runs matched than are listed
 */
public record SearchResults(Status status, String query, List<Hit> hits, boolean capped) {

	public SearchResults {
		hits = List.copyOf(hits);
	}

	/** Nothing searched: the query has no word or phrase to find. */
	static SearchResults nothingAsked(String query) {
		return new SearchResults(Status.NOTHING_ASKED, query, List.of(), false);
	}

	/** Nothing searched: the archive's database did not answer. */
	static SearchResults unavailable(String query) {
		return new SearchResults(Status.UNAVAILABLE, query, List.of(), false);
	}

	/** The archive was searched, and found these. */
	public static SearchResults found(String query, List<Hit> hits, boolean capped) {
		return new SearchResults(Status.SEARCHED, query, hits, capped);
	}

	/** Whether a search was made. */
	public enum Status {

		/** The archive was searched (it may have found nothing). */
		SEARCHED,
		/** The query asks for no word or phrase (empty, or only {@code -word}s). */
		NOTHING_ASKED,
		/** The archive's database did not answer. */
		UNAVAILABLE

	}

	/**
	 * An archived run that matched. Its IDs are as archived, from SigmaMind: links encode
	 * them.
	 *
	 * @param jobId the run
	 * @param batchId its batch
	 * @param testCaseId its test case, or {@code null}
	 * @param testCaseLabel its test case's label, or {@code null}
	 * @param verdict the judge's verdict ({@code PENDING}: the run finished without one)
	 * @param created when it started, or {@code null}
	 * @param batchCreated when its batch started, or {@code null} when not known
	 * @param matchCount how many of its texts match
	 * @param matches the first of them, messages in conversation order first
	 */
	public record Hit(String jobId, String batchId, String testCaseId, String testCaseLabel, Verdict verdict,
			Instant created, Instant batchCreated, int matchCount, List<Match> matches) {

		public Hit {
			matches = List.copyOf(matches);
		}

	}

	/**
	 * A matching text of a run.
	 *
	 * @param kind what the text is
	 * @param number for a message, its number in the conversation ({@code #m12}); else 0
	 * @param speaker who said a message ({@code user}, {@code assistant}, …), or
	 * {@code null}
	 * @param snippet the text around its first match, in parts that are or are not a
	 * match
	 */
	public record Match(Kind kind, int number, String speaker, List<Part> snippet) {

		public Match {
			snippet = List.copyOf(snippet);
		}

	}

	/** What a matching text is. */
	public enum Kind {

		/** A message of the conversation. */
		MESSAGE,
		/** The judge's remarks. */
		REMARKS,
		/** The test case's label. */
		LABEL,
		/** The test case's success criteria. */
		CRITERIA

	}

	/**
	 * A piece of a snippet.
	 *
	 * @param text its text, untrusted: pages escape it
	 * @param match whether it is a match, for the page to mark
	 */
	public record Part(String text, boolean match) {

	}

}
