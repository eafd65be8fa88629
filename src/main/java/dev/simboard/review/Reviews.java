package dev.simboard.review;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.LoggerFactory;

import dev.simboard.logging.Warnings;
import dev.simboard.model.Id;
import dev.simboard.model.Review;
import dev.simboard.model.Run;
import dev.simboard.model.Verdict;
import dev.simboard.review.ReviewStore.RunOfReview;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;

/**
 * The team's reviews of the judge's verdicts, for every page that shows a verdict. A
 * batch's reviews are read once and kept for a short while
 * ({@code simboard.review.fresh-for}); a save here drops them at once. A database that
 * does not answer never stops a page: it shows no reviews, with one WARN line a minute;
 * only saving then fails, and says so.
 */
@Service
public class Reviews {

	/** The longest note, in characters. */
	public static final int NOTE_MAX = 4_000;

	/** The longest ticket link, in characters. */
	public static final int TICKET_MAX = 2_000;

	private final ReviewStore store;

	private final ReviewSettings settings;

	private final Clock clock;

	private final Warnings warnings;

	private final Cache<String, Map<String, Review>> byBatch;

	private final Cache<String, Map<String, Overturns>> byAgent;

	Reviews(ReviewStore store, ReviewSettings settings, Clock clock) {
		this.store = store;
		this.settings = settings;
		this.clock = clock;
		this.warnings = new Warnings(LoggerFactory.getLogger(Reviews.class), clock);
		this.byBatch = kept(2_000, settings, clock);
		this.byAgent = kept(200, settings, clock);
	}

	private static <V> Cache<String, V> kept(long entries, ReviewSettings settings, Clock clock) {
		return Caffeine.newBuilder()
			.expireAfterWrite(settings.freshFor())
			.maximumSize(entries)
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.build();
	}

	/** The labels a review may carry, in order. */
	public List<String> labels() {
		return this.settings.labels();
	}

	/**
	 * The current reviews of a batch's runs, by job ID; none when they cannot be read.
	 */
	public Map<String, Review> ofBatch(Id batchId) {
		Map<String, Review> kept = this.byBatch.getIfPresent(batchId.value());
		if (kept != null) {
			return kept;
		}
		try {
			Map<String, Review> read = this.store.ofBatch(batchId.value());
			this.byBatch.put(batchId.value(), read);
			return read;
		}
		catch (DataAccessException ex) {
			this.warnings.warn("read", "Reviews could not be read; pages show none meanwhile: {}", ex.toString());
			return Map.of();
		}
	}

	/**
	 * By batch ID, how often reviewers overturned the judge on an agent's runs; none when
	 * the reviews cannot be read.
	 */
	public Map<String, Overturns> overturnsOfAgent(Id agentId) {
		Map<String, Overturns> kept = this.byAgent.getIfPresent(agentId.value());
		if (kept != null) {
			return kept;
		}
		try {
			Map<String, Overturns> read = this.store.overturnsOfAgent(agentId.value());
			this.byAgent.put(agentId.value(), read);
			return read;
		}
		catch (DataAccessException ex) {
			this.warnings.warn("read", "Reviews could not be read; pages show none meanwhile: {}", ex.toString());
			return Map.of();
		}
	}

	/** A run's current review, or empty. */
	public Optional<Review> of(Id batchId, Id jobId) {
		return Optional.ofNullable(ofBatch(batchId).get(jobId.value()));
	}

	/** Every version of a run's review, newest first; none when it cannot be read. */
	public List<Review> history(Id jobId) {
		try {
			return this.store.history(jobId.value());
		}
		catch (DataAccessException ex) {
			this.warnings.warn("read", "Reviews could not be read; pages show none meanwhile: {}", ex.toString());
			return List.of();
		}
	}

	/**
	 * Saves a review of a judged run, as a change of the version the reviewer saw
	 * ({@code 0}: none).
	 * @throws ReviewsUnavailableException when the database does not answer
	 */
	public Saving save(Id agentId, Id batchId, Run run, ReviewDraft draft, int seenVersion, String reviewer) {
		Verdict judge = run.verdict();
		if (!judge.judged()) {
			throw new IllegalArgumentException("The judge has not given a verdict on " + run.jobId() + " yet");
		}
		RunOfReview target = new RunOfReview(run.jobId(), agentId.value(), batchId.value(), run.testCaseId(), judge);
		try {
			Optional<Review> saved = this.store.save(target, draft, seenVersion, reviewer, this.clock.instant());
			this.byBatch.invalidate(batchId.value());
			this.byAgent.invalidate(agentId.value());
			if (saved.isPresent()) {
				return new Saving.Saved(saved.get());
			}
			return new Saving.Conflict(this.store.current(run.jobId()).orElse(null));
		}
		catch (DataAccessException | TransactionException ex) {
			// The page that says so logs it, once. (A connection refused for a
			// transaction is a TransactionException, not a DataAccessException.)
			throw new ReviewsUnavailableException(ex);
		}
	}

	/** What became of a save. */
	public sealed interface Saving {

		/** Saved, as this version. */
		record Saved(Review review) implements Saving {
		}

		/**
		 * Not saved: someone saved another version first.
		 *
		 * @param current the review as it stands now
		 */
		record Conflict(Review current) implements Saving {
		}

	}

}
