package dev.simboard.batch;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.simboard.model.Id;
import dev.simboard.model.Review;
import dev.simboard.model.Run;
import dev.simboard.web.Formats;
import dev.simboard.web.Verdict;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * A view of a batch's runs as the query string gives it, so a shared link shows the same
 * view: which outcome, what text, which test case, in what order, which page. The run
 * page uses it too, for "previous" and "next" within the view the user came from.
 *
 * @param outcome {@code passed}, {@code failed}, {@code running}, {@code unjudged}, or
 * {@code null} for all
 * @param q text to find in the test case label or the judge's remarks, or {@code null}
 * @param testCase a test case ID, or {@code null} for all (an empty one, the form's
 * "All", reads as none)
 * @param sort {@code label}, {@code outcome}, {@code duration} or {@code created}, with a
 * leading {@code -} for descending; {@code null} for label then attempt
 * @param page the page, from 1; bound from the query string like the rest, with a page
 * below 1 read as the first
 * @param review {@code unreviewed} or {@code reviewed}, or {@code null} for all
 * @param label runs reviewed with this failure label, or {@code null} for all
 */
public record BatchQuery(
		@Pattern(regexp = OUTCOMES, message = "must be passed, failed, running or unjudged") String outcome,
		@Size(max = 200, message = "must be at most 200 characters") String q, Id testCase,
		@Pattern(regexp = SORTS,
				message = "must be label, outcome, duration or created, with a leading - for descending") String sort,
		@Max(value = 100_000, message = "must be at most 100000") Integer page,
		@Pattern(regexp = REVIEWS, message = "must be unreviewed or reviewed") String review,
		@Size(max = 64, message = "must be at most 64 characters") String label) {

	/** Runs a page shows. */
	public static final int PAGE_SIZE = 50;

	/** Outcomes as the query string spells them. */
	public static final String OUTCOMES = "passed|failed|running|unjudged";

	/** Sort keys as the query string spells them. */
	public static final String SORTS = "-?(label|outcome|duration|created)";

	/** Review states as the query string spells them. */
	public static final String REVIEWS = "unreviewed|reviewed";

	public BatchQuery {
		review = blankToNull(review);
		label = blankToNull(label);
		outcome = blankToNull(outcome);
		q = blankToNull((q != null) ? q.trim() : null);
		sort = blankToNull(sort);
		page = (page == null || page < 1) ? 1 : page;
	}

	/** A view without review filters. */
	public BatchQuery(String outcome, String q, Id testCase, String sort, Integer page) {
		this(outcome, q, testCase, sort, page, null, null);
	}

	public static BatchQuery all() {
		return new BatchQuery(null, null, null, null, 1);
	}

	/** The order this view's {@code sort} names. */
	RunOrder order() {
		return RunOrder.of(this.sort);
	}

	/** Whether this view shows only the test case with this ID. */
	public boolean picks(String testCaseId) {
		return this.testCase != null && this.testCase.value().equals(testCaseId);
	}

	/** Whether any filter narrows the runs. */
	public boolean filtered() {
		return this.outcome != null || this.q != null || this.testCase != null || reviewFiltered();
	}

	/** Whether the view keeps runs by their review. */
	public boolean reviewFiltered() {
		return this.review != null || this.label != null;
	}

	/**
	 * This view's query string, without the page, for links; empty when it is the default
	 * view.
	 */
	public String queryString() {
		return build(null);
	}

	/** The query string of another page of this view. */
	public String pageQuery(int otherPage) {
		return build(otherPage);
	}

	private String build(Integer otherPage) {
		UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
		Map<String, Object> values = new HashMap<>();
		addIfSet(builder, values, "outcome", this.outcome);
		addIfSet(builder, values, "q", this.q);
		addIfSet(builder, values, "testCase", this.testCase);
		addIfSet(builder, values, "sort", this.sort);
		addIfSet(builder, values, "review", this.review);
		addIfSet(builder, values, "label", this.label);
		if (otherPage != null && otherPage > 1) {
			builder.queryParam("page", otherPage);
		}
		// Values go in as URI variables, which are encoded strictly: a "+" in q stays a
		// plus, not a space.
		String query = builder.encode().buildAndExpand(values).getQuery();
		return (query != null) ? "?" + query : "";
	}

	/** Whether a run passes this view's review filters, given the batch's reviews. */
	Predicate<Run> reviewFilter(Map<String, Review> reviews) {
		return (run) -> {
			Review review = reviews.get(run.jobId());
			return (this.review == null || (review != null) == this.review.equals("reviewed"))
					&& (this.label == null || (review != null && this.label.equals(review.label())));
		};
	}

	/** Whether a run passes this view's filters, reviews aside. */
	Predicate<Run> filter() {
		String needle = (this.q != null) ? this.q.toLowerCase(Locale.ROOT) : null;
		return (run) -> (this.outcome == null || Verdict.of(run).css().equals(this.outcome))
				&& (this.testCase == null || picks(run.testCaseId())) && (needle == null
						|| contains(Formats.label(run.testCase()), needle) || contains(run.remarks(), needle));
	}

	static Duration duration(Run run) {
		return run.duration();
	}

	private static boolean contains(String text, String needle) {
		return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
	}

	private static void addIfSet(UriComponentsBuilder builder, Map<String, Object> values, String name, Object value) {
		if (value != null) {
			builder.queryParam(name, "{" + name + "}");
			values.put(name, value);
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
