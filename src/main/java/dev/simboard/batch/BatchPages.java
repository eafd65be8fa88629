package dev.simboard.batch;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.simboard.catalog.RunList;
import dev.simboard.model.Attempt;
import dev.simboard.model.Batch;
import dev.simboard.model.Review;
import dev.simboard.model.Run;
import dev.simboard.model.TestCase;
import dev.simboard.review.ReviewView;
import dev.simboard.web.Formats;
import dev.simboard.web.Links;
import dev.simboard.web.Verdict;

/**
 * Builds the batch page's view: its figures from all runs, its table from one page of the
 * view the query asks for. Only that page's rows are built, so a batch of thousands of
 * runs costs one pass to filter and one sort.
 */
final class BatchPages {

	private static final int REMARKS_START = 140;

	/** Test cases listed in the page's table. */
	static final int TABLE_ROWS = 100;

	/**
	 * Test cases offered in the filter's list; beyond this, the text search finds them.
	 */
	static final int MAX_CHOICES = 200;

	private BatchPages() {
	}

	static BatchView view(String agentId, Batch batch, RunList runs, BatchQuery query, RunListViews views,
			Map<String, Review> reviews) {
		List<Run> matching = views.matching(runs, query, reviews);
		int pages = Math.max(1, (matching.size() + BatchQuery.PAGE_SIZE - 1) / BatchQuery.PAGE_SIZE);
		int page = Math.min(query.page(), pages);
		int from = (page - 1) * BatchQuery.PAGE_SIZE;
		List<Run> shown = matching.subList(Math.min(from, matching.size()),
				Math.min(from + BatchQuery.PAGE_SIZE, matching.size()));
		String runQuery = query.queryString();
		List<RunRow> rows = shown.stream()
			.map((run) -> row(agentId, batch.id(), runs, run, runQuery, reviews.get(run.jobId())))
			.toList();
		RunFigures figures = views.figures(runs);
		String base = Links.batch(agentId, batch.id());
		Integer rate = batch.passRate();
		List<TestCase> testCases = batch.testCases();
		return new BatchView(batch.id(), Formats.timestamp(batch.created()), Formats.iso(batch.created()),
				batch.passed(), batch.failed(), batch.total(), batch.pending(), rate, Formats.percent(rate),
				batch.running(), figures.median(), figures.p90(), models(batch, figures),
				testCases.stream().limit(TABLE_ROWS).map(BatchPages::row).toList(), testCases.size(),
				choices(testCases, query), testCases.size() > MAX_CHOICES, rows, runs.listed(), matching.size(),
				runs.runs().size(), page, pages, (page > 1) ? base + query.pageQuery(page - 1) : null,
				(page < pages) ? base + query.pageQuery(page + 1) : null, ReviewSummary.of(agentId, batch.id(),
						runs.runs(), views.ordered(runs, BatchQuery.all().order()), reviews));
	}

	/**
	 * The test cases to pick from: all of them, or for a batch with too many to scroll
	 * through (and to send on every request), only the one picked.
	 */
	private static List<TestCaseRow> choices(List<TestCase> testCases, BatchQuery query) {
		if (testCases.size() <= MAX_CHOICES) {
			return testCases.stream().map(BatchPages::row).toList();
		}
		return testCases.stream().filter((testCase) -> query.picks(testCase.id())).map(BatchPages::row).toList();
	}

	/**
	 * Nearest-rank percentile of sorted durations, or {@code null} when there are none.
	 */
	static Duration percentile(List<Duration> sorted, int percent) {
		if (sorted.isEmpty()) {
			return null;
		}
		int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

	private static String models(Batch batch, RunFigures figures) {
		Set<String> models = new TreeSet<>(figures.models());
		batch.testCases().forEach((testCase) -> addModel(models, testCase));
		return models.isEmpty() ? "—" : String.join(", ", models);
	}

	static void addModel(Set<String> models, TestCase testCase) {
		if (testCase != null && testCase.model() != null && !testCase.model().isBlank()) {
			models.add(testCase.model());
		}
	}

	private static RunRow row(String agentId, String batchId, RunList runs, Run run, String runQuery, Review review) {
		Attempt attempt = runs.attempt(run.jobId());
		String remarks = (run.remarks() != null) ? run.remarks().strip() : "";
		if (remarks.length() > REMARKS_START) {
			remarks = remarks.substring(0, REMARKS_START).strip() + "…";
		}
		return new RunRow(run.jobId(), Links.run(agentId, batchId, run.jobId()) + runQuery,
				Formats.label(run.testCase()), (attempt != null) ? attempt.toString() : "", Verdict.of(run),
				Formats.duration(BatchQuery.duration(run)), Formats.timestamp(run.created()),
				Formats.iso(run.created()), remarks, (review != null) ? ReviewView.of(review) : null);
	}

	private static TestCaseRow row(TestCase testCase) {
		return new TestCaseRow(testCase.id(), Formats.label(testCase), Formats.orDash(testCase.model()),
				(testCase.attempts() != null) ? testCase.attempts().toString() : "—",
				Formats.orDash(testCase.successCriteria()));
	}

}
