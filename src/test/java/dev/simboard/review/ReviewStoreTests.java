package dev.simboard.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.simboard.model.HumanVerdict;
import dev.simboard.model.Review;
import dev.simboard.model.Verdict;
import dev.simboard.review.ReviewStore.RunOfReview;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Reviews in the database, on the embedded H2 and on a real PostgreSQL: versions,
 * history, and two people saving at once.
 */
abstract class ReviewStoreTests {

	static final Instant T0 = Instant.parse("2026-03-27T09:00:00Z");

	static final RunOfReview RUN = new RunOfReview("job_1", "agent_1", "batch_1", "tc_1", Verdict.FAILED);

	ReviewStore store;

	abstract DataSource dataSource();

	@BeforeEach
	void emptyReviews() {
		JdbcClient jdbc = JdbcClient.create(dataSource());
		jdbc.sql("delete from run_review_version").update();
		jdbc.sql("delete from run_review").update();
		this.store = new ReviewStore(dataSource());
	}

	@Test
	void saveWhenFirstThenVersionOneAndFoundByBatchAndJob() {
		Optional<Review> saved = this.store.save(RUN, draft(HumanVerdict.PASS, "judge error", "It's <fine>"), 0, "ann",
				T0);

		assertThat(saved).hasValueSatisfying((review) -> {
			assertThat(review.version()).isEqualTo(1);
			assertThat(review.effective()).isEqualTo(Verdict.PASSED);
		});
		assertThat(this.store.ofBatch("batch_1")).containsOnlyKeys("job_1");
		assertThat(this.store.current("job_1")).hasValueSatisfying((review) -> {
			assertThat(review.note()).isEqualTo("It's <fine>");
			assertThat(review.judge()).isEqualTo(Verdict.FAILED);
			assertThat(review.at()).isEqualTo(T0);
			assertThat(review.ticket()).isNull();
		});
		assertThat(this.store.ofBatch("batch_2")).isEmpty();
	}

	@Test
	void overturnsWhenReviewsOverturnTheJudgeBothWaysThenCountedPerBatchOfTheAgent() {
		this.store.save(RUN, draft(HumanVerdict.PASS, "judge error", null), 0, "ann", T0);
		this.store.save(new RunOfReview("job_2", "agent_1", "batch_1", "tc_2", Verdict.PASSED),
				draft(HumanVerdict.FAIL, "judge error", null), 0, "ann", T0);
		this.store.save(new RunOfReview("job_3", "agent_1", "batch_1", "tc_3", Verdict.FAILED),
				draft(HumanVerdict.AGREE, "agent bug", null), 0, "ann", T0);
		this.store.save(new RunOfReview("job_4", "agent_1", "batch_2", "tc_1", Verdict.FAILED),
				draft(HumanVerdict.PASS, "judge error", null), 0, "ann", T0);
		this.store.save(new RunOfReview("job_5", "agent_2", "batch_9", "tc_1", Verdict.FAILED),
				draft(HumanVerdict.PASS, "judge error", null), 0, "ann", T0);

		assertThat(this.store.overturnsOfAgent("agent_1")).containsOnly(entry("batch_1", new Overturns(3, 1, 1)),
				entry("batch_2", new Overturns(1, 1, 0)));
		assertThat(this.store.overturnsOfAgent("agent_3")).isEmpty();
	}

	@Test
	void reviewedFailuresWhenSavedWithEvidenceThenListedNewestFirstWithTheSuggestionsTaken() {
		RunOfReview first = new RunOfReview("job_1", "agent_1", "batch_1", "tc_1", Verdict.FAILED, "refused refund");
		RunOfReview second = new RunOfReview("job_2", "agent_1", "batch_2", "tc_1", Verdict.FAILED, "tool error");
		RunOfReview passed = new RunOfReview("job_3", "agent_1", "batch_2", "tc_1", Verdict.PASSED, "fine");
		this.store.save(first, draft(HumanVerdict.AGREE, "agent bug", null), 0, "ann", T0);
		Review offered = this.store.current("job_1").orElseThrow();
		this.store.save(second, draft(HumanVerdict.AGREE, "agent bug", null), 0, "ann", T0.plusSeconds(60), offered);
		this.store.save(passed, draft(HumanVerdict.FAIL, "judge error", null), 0, "ann", T0.plusSeconds(120), offered);

		assertThat(this.store.reviewedFailures("agent_1", "tc_1", 10)).extracting(ReviewStore.Reviewed::jobId)
			.containsExactly("job_2", "job_1");
		assertThat(this.store.reviewedFailures("agent_1", "tc_1", 1)).hasSize(1);
		assertThat(this.store.reviewedFailures("agent_1", "tc_1", 10).get(1).evidence()).isEqualTo("refused refund");
		assertThat(this.store.suggestionFigures()).isEqualTo(new SuggestionFigures(2, 1));
	}

	@Test
	void saveWhenChangedThenEveryVersionIsInTheHistoryNewestFirst() {
		this.store.save(RUN, draft(HumanVerdict.AGREE, "agent bug", null), 0, "ann", T0);
		this.store.save(RUN, draft(HumanVerdict.PASS, "judge error", null), 1, "bob", T0.plusSeconds(60));

		List<Review> history = this.store.history("job_1");

		assertThat(history).extracting(Review::version).containsExactly(2, 1);
		assertThat(history).extracting(Review::reviewer).containsExactly("bob", "ann");
		assertThat(history).extracting(Review::label).containsExactly("judge error", "agent bug");
		assertThat(this.store.current("job_1"))
			.hasValueSatisfying((review) -> assertThat(review.version()).isEqualTo(2));
	}

	@Test
	void saveWhenAgainstAnOlderVersionThenRefusedAndNothingChanges() {
		this.store.save(RUN, draft(HumanVerdict.AGREE, "agent bug", null), 0, "ann", T0);

		assertThat(this.store.save(RUN, draft(HumanVerdict.PASS, null, null), 0, "bob", T0)).isEmpty();
		assertThat(this.store.save(RUN, draft(HumanVerdict.PASS, null, null), 2, "bob", T0)).isEmpty();
		assertThat(this.store.history("job_1")).hasSize(1);
		assertThat(this.store.current("job_1"))
			.hasValueSatisfying((review) -> assertThat(review.reviewer()).isEqualTo("ann"));
	}

	@Test
	void saveWhenTwoPeopleSaveTheSameVersionAtOnceThenExactlyOneWins() throws Exception {
		this.store.save(RUN, draft(HumanVerdict.AGREE, null, null), 0, "ann", T0);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			for (int round = 1; round <= 5; round++) {
				int seen = round;
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Optional<Review>>> saves = java.util.stream.IntStream.range(0, 8)
					.mapToObj((i) -> threads.submit(() -> {
						start.await();
						return this.store.save(RUN, draft(HumanVerdict.FAIL, null, "from " + i), seen, "user" + i, T0);
					}))
					.toList();
				start.countDown();
				int won = 0;
				for (Future<Optional<Review>> save : saves) {
					won += save.get().isPresent() ? 1 : 0;
				}
				assertThat(won).as("round %d", round).isEqualTo(1);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.store.history("job_1")).extracting(Review::version).containsExactly(6, 5, 4, 3, 2, 1);
	}

	static ReviewDraft draft(HumanVerdict verdict, String label, String note) {
		return new ReviewDraft(verdict, label, note, null);
	}

}
