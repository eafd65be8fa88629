package dev.simboard.review;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

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

	/** The most recent reviewed failures of a test case a suggestion is drawn from. */
	static final int SUGGESTION_POOL = 200;

	/** The longest ticket link, in characters. */
	public static final int TICKET_MAX = 2_000;

	private final ReviewStore store;

	private final ReviewSettings settings;

	private final Clock clock;

	private final Warnings warnings;

	private final Cache<String, Map<String, Review>> byBatch;

	private final Cache<String, Map<String, Overturns>> byAgent;

	/** Reviewed failures by agent and test case, for suggestions. */
	private final Cache<List<String>, List<ReviewStore.Reviewed>> byCase;

	/** Each unreviewed failure's suggestion, by job ID. */
	private final Cache<String, Optional<Suggestion>> suggestions;

	Reviews(ReviewStore store, ReviewSettings settings, Clock clock) {
		this.store = store;
		this.settings = settings;
		this.clock = clock;
		this.warnings = new Warnings(LoggerFactory.getLogger(Reviews.class), clock);
		this.byBatch = kept(2_000, settings, clock);
		this.byAgent = kept(200, settings, clock);
		this.byCase = kept(2_000, settings, clock);
		this.suggestions = kept(10_000, settings, clock);
	}

	private static <K, V> Cache<K, V> kept(long entries, ReviewSettings settings, Clock clock) {
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
		return readThrough(this.byBatch, batchId.value(), this.store::ofBatch, Map.of());
	}

	/**
	 * By batch ID, how often reviewers overturned the judge on an agent's runs; none when
	 * the reviews cannot be read.
	 */
	public Map<String, Overturns> overturnsOfAgent(Id agentId) {
		return readThrough(this.byAgent, agentId.value(), this.store::overturnsOfAgent, Map.of());
	}

	/**
	 * For an unreviewed failure, the review of the most alike reviewed failure of the
	 * same test case (see {@link Evidence}); empty when there is none, the run did not
	 * fail, or reviews cannot be read.
	 */
	public Optional<Suggestion> suggest(Id agentId, Run run) {
		if (run.verdict() != Verdict.FAILED || run.testCaseId() == null) {
			return Optional.empty();
		}
		// Worked out once per run while reviews stay fresh: pages ask on every request.
		return this.suggestions.get(run.jobId(),
				(jobId) -> closest(run, readThrough(this.byCase, List.of(agentId.value(), run.testCaseId()),
						(key) -> this.store.reviewedFailures(key.get(0), key.get(1), SUGGESTION_POOL), List.of())));
	}

	private static Optional<Suggestion> closest(Run run, List<ReviewStore.Reviewed> reviewed) {
		String evidence = Evidence.of(run);
		ReviewStore.Reviewed best = null;
		double bestAlike = -1;
		for (ReviewStore.Reviewed candidate : reviewed) {
			double alike = Evidence.alike(evidence, candidate.evidence());
			if (!candidate.jobId().equals(run.jobId()) && alike > bestAlike) {
				best = candidate;
				bestAlike = alike;
			}
		}
		if (best == null) {
			return Optional.empty();
		}
		return Optional.of(new Suggestion(best.jobId(), best.batchId(), best.verdict(), best.label(),
				(int) Math.round(100 * bestAlike)));
	}

	/** How reviewers took suggestions, or {@code null} when reviews cannot be read. */
	public SuggestionFigures suggestionFigures() {
		return orNone(this.store::suggestionFigures, null);
	}

	/**
	 * The cached value, else the database's, kept; {@code none} when the database does
	 * not answer (one WARN line a minute, and nothing kept).
	 */
	private <K, V> V readThrough(Cache<K, V> cache, K key, Function<K, V> read, V none) {
		V kept = cache.getIfPresent(key);
		return (kept != null) ? kept : orNone(() -> cache.get(key, read), none);
	}

	private <T> T orNone(Supplier<T> read, T none) {
		try {
			return read.get();
		}
		catch (DataAccessException ex) {
			this.warnings.warn("read", "Reviews could not be read; pages show none meanwhile: {}", ex.toString());
			return none;
		}
	}

	/** A run's current review, or empty. */
	public Optional<Review> of(Id batchId, Id jobId) {
		return Optional.ofNullable(ofBatch(batchId).get(jobId.value()));
	}

	/** Every version of a run's review, newest first; none when it cannot be read. */
	public List<Review> history(Id jobId) {
		return orNone(() -> this.store.history(jobId.value()), List.of());
	}

	/**
	 * Saves a review of a judged run, as a change of the version the reviewer saw
	 * ({@code 0}: none).
	 * @throws ReviewsUnavailableException when the database does not answer
	 */
	public Saving save(Id agentId, Id batchId, Run run, ReviewDraft draft, int seenVersion, String reviewer) {
		return save(agentId, batchId, run, draft, seenVersion, reviewer, null);
	}

	/**
	 * Saves as {@link #save(Id, Id, Run, ReviewDraft, int, String)} does, for a reviewer
	 * who was offered the suggestion drawn from {@code suggestedFrom} ({@code null}:
	 * none), so the admin page can tell how often suggestions are taken.
	 */
	public Saving save(Id agentId, Id batchId, Run run, ReviewDraft draft, int seenVersion, String reviewer,
			Id suggestedFrom) {
		Verdict judge = run.verdict();
		if (!judge.judged()) {
			throw new IllegalArgumentException("The judge has not given a verdict on " + run.jobId() + " yet");
		}
		RunOfReview target = new RunOfReview(run.jobId(), agentId.value(), batchId.value(), run.testCaseId(), judge,
				Evidence.of(run));
		try {
			Review offered = (suggestedFrom != null) ? this.store.current(suggestedFrom.value()).orElse(null) : null;
			Optional<Review> saved = this.store.save(target, draft, seenVersion, reviewer, this.clock.instant(),
					offered);
			this.byBatch.invalidate(batchId.value());
			this.byAgent.invalidate(agentId.value());
			if (run.testCaseId() != null) {
				this.byCase.invalidate(List.of(agentId.value(), run.testCaseId()));
			}
			// Any run's suggestion may now come from this review.
			this.suggestions.invalidateAll();
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
