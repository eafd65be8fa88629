package dev.simboard.search;

import java.util.List;

import dev.simboard.catalog.ArchiveSearch;
import dev.simboard.catalog.SearchResults;
import dev.simboard.model.Id;
import dev.simboard.transcript.Speaker;
import dev.simboard.web.Formats;
import dev.simboard.web.Links;
import dev.simboard.web.Verdict;

/**
 * The search page: what was asked, what happened, and the runs found.
 *
 * @param action the page's own address, without a query string
 * @param state what the page says: {@code explain} (nothing asked), {@code nothing} (only
 * exclusions), {@code unavailable}, {@code none} (no run matched) or {@code found}
 * @param query the query as it was read
 * @param filtered whether a filter narrows the search
 * @param clearFiltersHref the same search without filters
 * @param hits the runs found
 * @param capped whether more runs matched than are listed
 * @param maxRuns how many runs are listed at most
 * @param maxTerms how many words and phrases a query may have
 * @param maxQueryLength how long a query may be, in characters
 */
record SearchView(String action, String state, String query, boolean filtered, String clearFiltersHref,
		List<HitRow> hits, boolean capped, int maxRuns, int maxTerms, int maxQueryLength) {

	static SearchView of(Id agentId, SearchForm form, SearchResults results) {
		String action = Links.agent(agentId) + "/search";
		String clear = action + new SearchForm(form.q(), null, null, null, null).queryString();
		if (results == null) {
			return new SearchView(action, "explain", "", form.filtered(), clear, List.of(), false);
		}
		String state = switch (results.status()) {
			case NOTHING_ASKED -> "nothing";
			case UNAVAILABLE -> "unavailable";
			case SEARCHED -> results.hits().isEmpty() ? "none" : "found";
		};
		List<HitRow> hits = results.hits().stream().map((hit) -> HitRow.of(agentId, form, action, hit)).toList();
		return new SearchView(action, state, results.query(), form.filtered(), clear, hits, results.capped());
	}

	private SearchView(String action, String state, String query, boolean filtered, String clearFiltersHref,
			List<HitRow> hits, boolean capped) {
		this(action, state, query, filtered, clearFiltersHref, hits, capped, ArchiveSearch.MAX_RUNS,
				ArchiveSearch.MAX_TERMS, ArchiveSearch.MAX_QUERY_LENGTH);
	}

	/** "3 runs match", "The first 50 runs that match", … */
	public String summary() {
		if (this.capped) {
			return "More than " + this.maxRuns + " runs match; the newest " + this.maxRuns + " are listed.";
		}
		return this.hits.size() + ((this.hits.size() == 1) ? " run matches." : " runs match.");
	}

	/**
	 * A run found.
	 *
	 * @param label its test case's label
	 * @param verdict its verdict as the pages show it
	 * @param jobId the run's job ID
	 * @param runHref its page
	 * @param batchId its batch
	 * @param batchHref its batch's page
	 * @param batchCreated when its batch started, or a dash
	 * @param batchCreatedIso the same for {@code <time>}, or empty
	 * @param matchCount such as {@code 3 matches}
	 * @param more such as {@code and 4 more}, or empty when every match is listed
	 * @param matches the first matches
	 * @param testCaseHref this search kept to the run's test case, or {@code null} when
	 * it is already, or the run has none
	 */
	record HitRow(String label, Verdict verdict, String jobId, String runHref, String batchId, String batchHref,
			String batchCreated, String batchCreatedIso, String matchCount, String more, List<MatchRow> matches,
			String testCaseHref) {

		static HitRow of(Id agentId, SearchForm form, String action, SearchResults.Hit hit) {
			String runHref = Links.run(agentId.value(), hit.batchId(), hit.jobId());
			String label = (hit.testCaseLabel() != null && !hit.testCaseLabel().isBlank()) ? hit.testCaseLabel()
					: Formats.orDash(hit.testCaseId());
			String testCaseHref = Id.parse(hit.testCaseId())
				.filter((id) -> !form.picks(id.value()))
				.map((id) -> action + form.queryStringFor(id))
				.orElse(null);
			int unlisted = hit.matchCount() - hit.matches().size();
			return new HitRow(label, verdict(hit.verdict()), hit.jobId(), runHref, hit.batchId(),
					Links.batch(agentId.value(), hit.batchId()),
					Formats.timestamp((hit.batchCreated() != null) ? hit.batchCreated() : hit.created()),
					Formats.iso((hit.batchCreated() != null) ? hit.batchCreated() : hit.created()),
					hit.matchCount() + ((hit.matchCount() == 1) ? " match" : " matches"),
					(unlisted > 0) ? "and " + unlisted + " more" : "",
					hit.matches().stream().map((match) -> MatchRow.of(runHref, match)).toList(), testCaseHref);
		}

		/** Archived runs are finished: one without a verdict has none to come. */
		private static Verdict verdict(dev.simboard.model.Verdict verdict) {
			return switch (verdict) {
				case PASSED -> Verdict.PASSED;
				case FAILED -> Verdict.FAILED;
				case PENDING -> Verdict.UNJUDGED;
			};
		}

	}

	/**
	 * A matching text.
	 *
	 * @param what which text: {@code Message 12 · Agent}, {@code Judge's remarks}, …
	 * @param href where it is: a message's anchor on the run page, else the run page
	 * @param parts the snippet, its matches to be marked
	 */
	record MatchRow(String what, String href, List<SearchResults.Part> parts) {

		static MatchRow of(String runHref, SearchResults.Match match) {
			return switch (match.kind()) {
				case MESSAGE -> new MatchRow("Message " + match.number() + " · " + Speaker.of(match.speaker()).label(),
						runHref + "#m" + match.number(), match.snippet());
				case REMARKS -> new MatchRow("Judge's remarks", runHref, match.snippet());
				case LABEL -> new MatchRow("Test case label", runHref, match.snippet());
				case CRITERIA -> new MatchRow("Success criteria", runHref, match.snippet());
			};
		}

	}

}
