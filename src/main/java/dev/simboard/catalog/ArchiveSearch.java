package dev.simboard.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.simboard.archive.Archive;
import dev.simboard.archive.SearchFilters;
import dev.simboard.archive.SearchHit;
import dev.simboard.archive.SearchQuery;
import dev.simboard.logging.Warnings;
import dev.simboard.model.Id;
import dev.simboard.model.Verdict;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;

/**
 * Search over an agent's archived runs, for the search page: the archive's query syntax
 * and limits, its hits as the catalog's own records, and a database that does not answer
 * said as {@link SearchResults.Status#UNAVAILABLE} with one WARN line, never as an error
 * page. It reads only the archive: SigmaMind is not asked.
 */
@Service
public class ArchiveSearch {

	/** Runs listed at most; more matching are said, not listed. */
	public static final int MAX_RUNS = 50;

	/** The longest query, in characters. */
	public static final int MAX_QUERY_LENGTH = SearchQuery.MAX_QUERY_LENGTH;

	/** The most words and phrases, exclusions included, in one query. */
	public static final int MAX_TERMS = SearchQuery.MAX_TERMS;

	private static final Logger logger = LoggerFactory.getLogger(ArchiveSearch.class);

	private final Archive archive;

	private final Warnings warnings;

	ArchiveSearch(Archive archive, Clock clock) {
		this.archive = archive;
		this.warnings = new Warnings(logger, clock);
	}

	/**
	 * How many words and phrases a query asks for, those past {@link #MAX_TERMS}
	 * included.
	 */
	public static int countTerms(String query) {
		return SearchQuery.countTerms(query);
	}

	/**
	 * The agent's archived runs with a text that has every word and phrase of the query
	 * and none of its {@code -}exclusions, newest batch first.
	 * @param query as typed: words, {@code "quoted phrases"}, {@code -word}; only its
	 * first {@link #MAX_QUERY_LENGTH} characters and {@link #MAX_TERMS} terms are read
	 */
	public SearchResults search(Id agentId, String query, Filters filters) {
		SearchQuery parsed = SearchQuery.parse(query);
		if (parsed.isEmpty()) {
			return SearchResults.nothingAsked(parsed.text());
		}
		List<SearchHit> hits;
		try {
			hits = this.archive.search(agentId.value(), parsed, filters.forArchive(), MAX_RUNS + 1);
		}
		catch (DataAccessResourceFailureException | TransientDataAccessException | RecoverableDataAccessException ex) {
			// The database is down, full or too slow: expected, and the page says so. A
			// bug (bad SQL) is not caught here, and gets its stack trace.
			this.warnings.warn("archive-search", "Search unavailable: the archive's database did not answer ({})",
					cause(ex));
			return SearchResults.unavailable(parsed.text());
		}
		return SearchResults.found(parsed.text(), hits.stream().limit(MAX_RUNS).map(ArchiveSearch::hit).toList(),
				hits.size() > MAX_RUNS);
	}

	private static SearchResults.Hit hit(SearchHit hit) {
		return new SearchResults.Hit(hit.jobId(), hit.batchId(), hit.testCaseId(), hit.testCaseLabel(), hit.outcome(),
				hit.created(), hit.batchCreated(), hit.matchCount(),
				hit.matches().stream().map(ArchiveSearch::match).toList());
	}

	private static SearchResults.Match match(SearchHit.Match match) {
		return new SearchResults.Match(SearchResults.Kind.valueOf(match.kind().name()), match.number(), match.speaker(),
				match.snippet()
					.parts()
					.stream()
					.map((part) -> new SearchResults.Part(part.text(), part.match()))
					.toList());
	}

	/** The exception's kind and its deepest message: which SQL failed is no news here. */
	private static String cause(DataAccessException ex) {
		Throwable cause = ex.getMostSpecificCause();
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	/**
	 * What narrows a search besides its words. A batch's time is its start as archived,
	 * or its run's start when the batch itself is not archived.
	 *
	 * @param verdict only runs with this verdict, or {@code null} for any
	 * @param testCase only runs of this test case, or {@code null} for any
	 * @param from only runs of batches started at or after this, or {@code null}
	 * @param until only runs of batches started before this, or {@code null}
	 */
	public record Filters(Verdict verdict, Id testCase, Instant from, Instant until) {

		/** No filter. */
		public static final Filters NONE = new Filters(null, null, null, null);

		SearchFilters forArchive() {
			return new SearchFilters(this.verdict, (this.testCase != null) ? this.testCase.value() : null, this.from,
					this.until);
		}

	}

}
