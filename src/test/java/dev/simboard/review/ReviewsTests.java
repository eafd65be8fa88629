package dev.simboard.review;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.simboard.Fixtures;
import dev.simboard.MutableClock;
import dev.simboard.model.HumanVerdict;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What pages get from reviews when the database does not answer: none to show, and a save
 * that says it was not saved.
 */
class ReviewsTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-27T09:00:00Z"));

	/** A database nothing listens for: every connection is refused at once. */
	private final Reviews down = new Reviews(
			new ReviewStore(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=1")),
			new ReviewSettings(List.of("agent bug"), Duration.ofSeconds(30)), this.clock);

	@Test
	void ofBatchWhenDatabaseDownThenNoReviews() {
		assertThat(this.down.ofBatch(Fixtures.BATCH)).isEmpty();
		assertThat(this.down.of(Fixtures.BATCH, Fixtures.JOB)).isEmpty();
		assertThat(this.down.history(Fixtures.JOB)).isEmpty();
	}

	@Test
	void saveWhenDatabaseDownThenSaysItWasNotSaved() {
		assertThatExceptionOfType(ReviewsUnavailableException.class).isThrownBy(() -> this.down.save(Fixtures.AGENT,
				Fixtures.BATCH, Fixtures.run(Fixtures.JOB_ID, null, false, Fixtures.CREATED, List.of()),
				new ReviewDraft(HumanVerdict.PASS, null, null, null), 0, "rita"));
	}

}
