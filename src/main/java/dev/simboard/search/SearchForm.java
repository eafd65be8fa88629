package dev.simboard.search;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.simboard.catalog.ArchiveSearch;
import dev.simboard.model.Id;
import dev.simboard.model.Verdict;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A search as the query string gives it, so that a shared link searches the same way: the
 * words, and the filters. Dates are UTC days, as every time in Simboard is.
 *
 * @param q what to find: words, {@code "quoted phrases"}, {@code -word}; {@code null}
 * when nothing is asked yet
 * @param outcome {@code passed}, {@code failed}, or {@code null} for all (as are
 * {@code all} and an empty one)
 * @param testCase only runs of this test case, or {@code null} for any
 * @param from only runs of batches started on this day or later, or {@code null}
 * @param to only runs of batches started on this day or earlier, or {@code null}
 */
record SearchForm(
		@Size(max = ArchiveSearch.MAX_QUERY_LENGTH,
				message = "must be at most " + ArchiveSearch.MAX_QUERY_LENGTH + " characters") @FewTerms String q,
		@Pattern(regexp = "all|passed|failed", message = "must be passed, failed or all") String outcome, Id testCase,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

	SearchForm {
		q = (q != null && !q.isBlank()) ? q.strip() : null;
		outcome = (outcome == null || outcome.isBlank() || outcome.equals("all")) ? null : outcome;
	}

	/** Whether the dates are in order (or not both given): else {@code to} is refused. */
	@AssertTrue(message = "must not be before from")
	boolean isTo() {
		return this.from == null || this.to == null || !this.to.isBefore(this.from);
	}

	/** Whether anything is asked: else the page explains what search does. */
	boolean asked() {
		return this.q != null;
	}

	/** Whether any filter narrows the search. */
	boolean filtered() {
		return this.outcome != null || this.testCase != null || this.from != null || this.to != null;
	}

	/** Whether this search keeps only runs of the test case with this ID. */
	boolean picks(String testCaseId) {
		return this.testCase != null && this.testCase.value().equals(testCaseId);
	}

	/** The filters as the catalog takes them. */
	ArchiveSearch.Filters filters() {
		Verdict verdict = (this.outcome != null) ? Verdict.valueOf(this.outcome.toUpperCase(Locale.ROOT)) : null;
		return new ArchiveSearch.Filters(verdict, this.testCase,
				(this.from != null) ? this.from.atStartOfDay(ZoneOffset.UTC).toInstant() : null,
				(this.to != null) ? this.to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() : null);
	}

	/** This search's query string, for links; empty when nothing is set. */
	String queryString() {
		return build(this.testCase);
	}

	/** The query string of this search kept to one test case. */
	String queryStringFor(Id otherTestCase) {
		return build(otherTestCase);
	}

	private String build(Id testCase) {
		// Values as template variables, which encode() escapes strictly: a + or & in a
		// query stays itself rather than becoming a space or a new parameter.
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("q", this.q);
		values.put("outcome", this.outcome);
		values.put("testCase", testCase);
		values.put("from", this.from);
		values.put("to", this.to);
		values.values().removeIf(Objects::isNull);
		if (values.isEmpty()) {
			return "";
		}
		UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
		values.keySet().forEach((name) -> builder.queryParam(name, "{" + name + "}"));
		return "?" + builder.encode().buildAndExpand(values).getQuery();
	}

}
