package dev.simboard.batch;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.simboard.Fixtures;
import dev.simboard.catalog.RunList;
import dev.simboard.model.Id;
import dev.simboard.model.TestCase;
import dev.simboard.model.Run;

import static org.assertj.core.api.Assertions.assertThat;

class BatchQueryTests {

	private static final TestCase ANGRY = Fixtures.testCase("tc_angry", "Angry Customer");

	private static final TestCase REFUND = Fixtures.testCase("tc_refund", "Refund");

	private static final Instant T = Fixtures.CREATED;

	private final RunList runs = RunList.listed(List.of(Fixtures.run("job_a1", ANGRY, true, T, List.of()),
			Fixtures.run("job_a2", ANGRY, false, T.plusSeconds(10), List.of()),
			Fixtures.run("job_r1", REFUND, false, T.plusSeconds(20), List.of()),
			Fixtures.run("job_r2", REFUND, null, T.plusSeconds(30), List.of())));

	private final RunListViews views = new RunListViews(1_000_000, RunListViews::sort, RunFigures::of);

	private List<String> jobs(BatchQuery query) {
		return this.views.matching(this.runs, query).stream().map(Run::jobId).toList();
	}

	@Test
	void matchingWhenDefaultThenByLabelThenAttempt() {
		assertThat(jobs(BatchQuery.all())).containsExactly("job_a1", "job_a2", "job_r1", "job_r2");
	}

	@Test
	void matchingWhenOutcomeTextOrTestCaseThenOnlyThoseRuns() {
		assertThat(jobs(new BatchQuery("failed", null, null, null, 1))).containsExactly("job_a2", "job_r1");
		assertThat(jobs(new BatchQuery("running", null, null, null, 1))).containsExactly("job_r2");
		assertThat(jobs(new BatchQuery(null, "REFUND", null, null, 1))).containsExactly("job_r1", "job_r2");
		assertThat(jobs(new BatchQuery(null, "maintained focus", null, null, 1))).hasSize(3);
		assertThat(jobs(new BatchQuery(null, null, Id.of("tc_angry"), null, 1))).containsExactly("job_a1", "job_a2");
	}

	@Test
	void matchingWhenSortedByCreatedDescendingThenNewestFirst() {
		assertThat(jobs(new BatchQuery(null, null, null, "-created", 1))).containsExactly("job_r2", "job_r1", "job_a2",
				"job_a1");
	}

	@Test
	void orderWhenAnySortTheQueryStringAcceptsThenOneOfTheClosedSet() {
		assertThat(RunOrder.values()).extracting(RunOrder::sort).allMatch((sort) -> sort.matches(BatchQuery.SORTS));
		for (String key : List.of("label", "outcome", "duration", "created")) {
			assertThat(new BatchQuery(null, null, null, key, 1).order().sort()).isEqualTo(key);
			assertThat(new BatchQuery(null, null, null, "-" + key, 1).order().sort()).isEqualTo("-" + key);
		}
		assertThat(BatchQuery.all().order()).isEqualTo(RunOrder.LABEL);
	}

	@Test
	void queryStringWhenTextHasPlusOrAmpersandThenTheyComeBackAsTyped() {
		BatchQuery query = new BatchQuery(null, "c++ & tax=1", null, null, null);
		assertThat(query.queryString()).isEqualTo("?q=c%2B%2B%20%26%20tax%3D1");
		assertThat(java.net.URLDecoder.decode(query.queryString().substring("?q=".length()),
				java.nio.charset.StandardCharsets.UTF_8))
			.isEqualTo("c++ & tax=1");
	}

	@Test
	void queryStringWhenFilteredThenKeepsTheViewButNotThePage() {
		BatchQuery query = new BatchQuery("failed", "late fee", null, "-duration", 3);
		assertThat(query.queryString()).isEqualTo("?outcome=failed&q=late%20fee&sort=-duration");
		assertThat(query.pageQuery(2)).endsWith("&page=2");
		assertThat(BatchQuery.all().queryString()).isEmpty();
	}

	@Test
	void percentileWhenDurationsThenNearestRank() {
		List<java.time.Duration> sorted = java.util.stream.IntStream.rangeClosed(1, 10)
			.mapToObj(java.time.Duration::ofSeconds)
			.toList();
		assertThat(BatchPages.percentile(sorted, 50)).hasSeconds(5);
		assertThat(BatchPages.percentile(sorted, 90)).hasSeconds(9);
		assertThat(BatchPages.percentile(List.of(), 90)).isNull();
	}

}
