package dev.simboard.batch;

import java.lang.ref.Reference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.simboard.Fixtures;
import dev.simboard.catalog.RunList;
import dev.simboard.model.TestCase;
import dev.simboard.model.Run;
import dev.simboard.web.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

class RunListViewsTests {

	private static final long MEGABYTE = 1024 * 1024;

	private static final List<TestCase> CASES = List.of(Fixtures.testCase("tc_angry", "Angry Customer"),
			Fixtures.testCase("tc_refund", "Refund"), Fixtures.testCase("tc_late", "Late fee"));

	private final AtomicInteger sorts = new AtomicInteger();

	private final AtomicInteger figures = new AtomicInteger();

	/** Views that count the sorts and figures they work out. */
	private RunListViews views(long maximumWeight) {
		return new RunListViews(maximumWeight, (runs, order) -> {
			this.sorts.incrementAndGet();
			return RunListViews.sort(runs, order);
		}, (runs) -> {
			this.figures.incrementAndGet();
			return RunFigures.of(runs);
		});
	}

	private static RunList runs(int count) {
		Instant t = Fixtures.CREATED;
		return RunList.listed(IntStream.range(0, count)
			.mapToObj((i) -> Fixtures.run("job_" + i, CASES.get(i % CASES.size()), (i % 4 == 0) ? null : i % 4 != 1,
					t.plusSeconds(i), List.of()))
			.toList());
	}

	@Test
	void matchingWhenSameOrderAskedAgainThenSortedOnceAndOnlyFiltered() {
		RunListViews views = views(MEGABYTE);
		RunList runs = runs(12);
		BatchQuery newest = new BatchQuery(null, null, null, "-created", 1);
		List<Run> first = views.matching(runs, newest);
		assertThat(first).extracting(Run::jobId).startsWith("job_11", "job_10");
		assertThat(views.matching(runs, newest)).isSameAs(first);
		assertThat(views.matching(runs, new BatchQuery(null, null, null, "-created", 2))).isSameAs(first);
		assertThat(views.matching(runs, new BatchQuery("failed", null, null, "-created", 1)))
			.isEqualTo(first.stream().filter((run) -> Verdict.of(run) == Verdict.FAILED).toList());
		assertThat(this.sorts).hasValue(1);
		// The default view and sort=label are one order.
		views.matching(runs, BatchQuery.all());
		views.matching(runs, new BatchQuery("passed", null, null, "label", 1));
		assertThat(this.sorts).hasValue(2);
		assertThat(views.figures(runs)).isSameAs(views.figures(runs));
		assertThat(this.figures).hasValue(1);
	}

	@Test
	void orderedWhenManyAskAtOnceThenSortedOnce() throws Exception {
		RunListViews views = views(MEGABYTE);
		RunList runs = runs(2_000);
		int threads = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<List<Run>>> answers = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return views.ordered(runs, RunOrder.DURATION_DESCENDING);
				}));
			}
			start.countDown();
			List<Run> first = answers.get(0).get(30, TimeUnit.SECONDS);
			for (Future<List<Run>> answer : answers) {
				assertThat(answer.get(30, TimeUnit.SECONDS)).isSameAs(first);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.sorts).hasValue(1);
	}

	@Test
	void orderedWhenRunListRefreshedThenWorkedOutAfresh() {
		RunListViews views = views(MEGABYTE);
		RunList runs = runs(12);
		List<Run> old = views.ordered(runs, RunOrder.CREATED);
		RunFigures oldFigures = views.figures(runs);
		// A refresh gives a new list, even when SigmaMind says the same.
		RunList same = RunList.listed(runs.runs());
		assertThat(views.ordered(same, RunOrder.CREATED)).isNotSameAs(old).isEqualTo(old);
		assertThat(views.figures(same)).isNotSameAs(oldFigures);
		RunList fewer = RunList.listed(runs.runs().subList(0, 2));
		assertThat(views.ordered(fewer, RunOrder.CREATED)).extracting(Run::jobId).containsExactly("job_0", "job_1");
		assertThat(this.sorts).hasValue(3);
		assertThat(this.figures).hasValue(2);
		assertThat(views.ordered(runs, RunOrder.CREATED)).isSameAs(old);
	}

	@Test
	void weightWhenAnOrderOrFiguresAddedThenGrowsByWhatTheyHold() {
		RunListViews views = views(MEGABYTE);
		RunList runs = runs(1_000);
		assertThat(views.weight()).isZero();
		views.ordered(runs, RunOrder.LABEL);
		long one = views.weight();
		assertThat(one).as("an order of 1,000 runs is about 1,000 references").isGreaterThanOrEqualTo(8 * 1_000);
		views.ordered(runs, RunOrder.CREATED_DESCENDING);
		long two = views.weight();
		assertThat(two - one).isGreaterThanOrEqualTo(8 * 1_000);
		views.figures(runs);
		long all = views.weight();
		assertThat(all).isGreaterThan(two);
		views.ordered(runs, RunOrder.LABEL);
		views.figures(runs);
		assertThat(views.weight()).isEqualTo(all);
		// Weak keys: the entry lasts only while the list is held.
		Reference.reachabilityFence(runs);
	}

	@Test
	void weightWhenMoreListsThanTheBoundHoldsThenStaysWithinIt() {
		long bound = 50_000;
		RunListViews views = views(bound);
		List<RunList> lists = IntStream.range(0, 20).mapToObj((i) -> runs(1_000)).toList();
		for (RunList runs : lists) {
			views.ordered(runs, RunOrder.LABEL);
		}
		assertThat(views.weight()).isPositive().isLessThanOrEqualTo(bound);
		// An order evicted is sorted again when asked.
		lists.forEach((runs) -> views.ordered(runs, RunOrder.LABEL));
		assertThat(this.sorts.get()).isGreaterThan(lists.size());
		assertThat(views.weight()).isLessThanOrEqualTo(bound);
		Reference.reachabilityFence(lists);
	}

}
