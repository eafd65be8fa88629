package dev.simboard.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

import com.github.benmanes.caffeine.cache.AsyncCacheLoader;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import dev.simboard.logging.Warnings;
import dev.simboard.sigmamind.SigmaMindException;
import dev.simboard.sigmamind.SigmaMindNotFoundException;
import dev.simboard.sigmamind.SigmaMindUnavailableException;
import dev.simboard.sigmamind.SigmaMindUnavailableException.Reason;

/**
 * One resource kind's cache with stale-while-revalidate and stale-if-error on top of a
 * Caffeine {@link AsyncLoadingCache}: a cold key loads once however many ask; a value
 * past its refresh time is served at once while one background load renews it; a failed
 * renewal keeps the last good value, marked stale, until the maximum staleness evicts it.
 *
 * @param <K> the key
 * @param <V> the value
 */
final class FreshCache<K, V> {

	private static final Logger logger = LoggerFactory.getLogger(Catalog.class);

	/** A refresh interval meaning "never": finished runs do not change. */
	static final Duration NEVER = Duration.ofDays(365 * 100);

	private final AsyncLoadingCache<K, Fresh<V>> cache;

	private final Function<V, Duration> refreshAfter;

	private final Clock clock;

	private final String name;

	private final Warnings warnings;

	/**
	 * @param name the cache's name in metrics and errors
	 * @param maximum the bound: a number of entries, or a weight in bytes with a weigher
	 * @param weigher the estimated bytes of a value, or {@code null} to bound by count
	 * @param loader one SigmaMind call for a key
	 * @param reloader what renews a value when it is stale or refreshed by hand, or
	 * {@code null} for the loader
	 * @param settled whether a value can never change again (a finished run): then it is
	 * never renewed and only the bound evicts it
	 * @param refreshAfter how long an unsettled value stays fresh
	 * @param keepFor how long an unsettled value may be served at all after it was
	 * fetched
	 */
	FreshCache(String name, long maximum, ToIntFunction<V> weigher, Function<K, Mono<V>> loader,
			Function<K, Mono<V>> reloader, Predicate<V> settled, Duration refreshAfter, Duration keepFor, Clock clock,
			MeterRegistry meters) {
		this.name = name;
		this.warnings = new Warnings(logger, clock);
		this.refreshAfter = (value) -> settled.test(value) ? NEVER : refreshAfter;
		this.clock = clock;
		Caffeine<K, Fresh<V>> builder = Caffeine.newBuilder()
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.expireAfter(new KeepFor<K, V>((value) -> settled.test(value) ? NEVER : keepFor, clock));
		builder = (weigher != null)
				? builder.maximumWeight(maximum).weigher((key, fresh) -> weigher.applyAsInt(fresh.value()))
				: builder.maximumSize(maximum);
		this.cache = builder.recordStats()
			.buildAsync(new Loader<>(loader, (reloader != null) ? reloader : loader, clock));
		CaffeineCacheMetrics.monitor(meters, this.cache, name);
	}

	/**
	 * The value for a key, waiting for SigmaMind at most until {@code deadline} when it
	 * is not cached; a cached value past its refresh time is renewed in the background.
	 */
	Fresh<V> get(K key, Instant deadline) {
		return await(key, start(key), deadline);
	}

	/** Starts loading a key, or finds it cached; {@link #await} then waits for it. */
	CompletableFuture<Fresh<V>> start(K key) {
		// Caffeine drops a failed load just after it fails; one that failed before this
		// request is never handed out again. Checked before asking, not after: a load
		// this
		// request starts may fail before it looks, and must not be started twice.
		CompletableFuture<Fresh<V>> earlier = this.cache.asMap().get(key);
		if (earlier != null && earlier.isCompletedExceptionally()) {
			this.cache.asMap().remove(key, earlier);
		}
		CompletableFuture<Fresh<V>> future = this.cache.get(key);
		if (future.isDone()) {
			CacheTrace.hit();
		}
		else {
			CacheTrace.miss();
		}
		return future;
	}

	/** Waits for a started load, then renews the value in the background if it is due. */
	Fresh<V> await(K key, CompletableFuture<Fresh<V>> started, Instant deadline) {
		Fresh<V> fresh = await(started, deadline);
		Duration every = this.refreshAfter.apply(fresh.value());
		if (!this.clock.instant().isBefore(fresh.triedAt().plus(every))) {
			// Caffeine runs one refresh per key at a time, whoever asks.
			this.cache.synchronous().refresh(key);
		}
		return fresh;
	}

	/** The value if it is cached now, without asking SigmaMind; else {@code null}. */
	Fresh<V> getIfCached(K key) {
		CompletableFuture<Fresh<V>> future = this.cache.getIfPresent(key);
		if (future != null && future.isDone() && !future.isCompletedExceptionally()) {
			CacheTrace.hit();
			return future.join();
		}
		return null;
	}

	/**
	 * Asks SigmaMind again now and waits for the answer, keeping the old value on
	 * failure.
	 */
	Fresh<V> reload(K key, Instant deadline) {
		return await(this.cache.synchronous().refresh(key), deadline);
	}

	void invalidateAll() {
		this.cache.synchronous().invalidateAll();
	}

	String name() {
		return this.name;
	}

	com.github.benmanes.caffeine.cache.stats.CacheStats stats() {
		return this.cache.synchronous().stats();
	}

	long size() {
		return this.cache.synchronous().estimatedSize();
	}

	private Fresh<V> await(CompletableFuture<Fresh<V>> future, Instant deadline) {
		long wait = Math.max(0, Duration.between(this.clock.instant(), deadline).toMillis());
		try {
			// A real wait, not the test clock's: pages must answer in time.
			return future.get(wait, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			// The load goes on and fills the cache for the next request.
			this.warnings.warn(this.name, "A page stopped waiting for SigmaMind ({}) after {} ms", this.name, wait);
			throw new SigmaMindUnavailableException(this.name, Reason.TIMEOUT, "no answer in time", null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SigmaMindUnavailableException(this.name, Reason.TIMEOUT, "interrupted", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	private record Loader<K, V>(Function<K, Mono<V>> loader, Function<K, Mono<V>> reloader,
			Clock clock) implements AsyncCacheLoader<K, Fresh<V>> {

		@Override
		public CompletableFuture<Fresh<V>> asyncLoad(K key, Executor executor) {
			return this.loader.apply(key)
				.map((value) -> Fresh.of(value, this.clock.instant()))
				// Caffeine's own log of failed loads is off (each expected failure is one
				// line from the client); a bug is logged here, even if no page waits for
				// it.
				.doOnError((ex) -> !(ex instanceof SigmaMindException),
						(ex) -> logger.error("Loading {} failed unexpectedly", key, ex))
				.toFuture();
		}

		@Override
		public CompletableFuture<Fresh<V>> asyncReload(K key, Fresh<V> old, Executor executor) {
			// Stale-if-error: a failed renewal keeps the last good value, marked. Gone is
			// gone, though: a 404 drops the entry (a null reload removes it).
			return this.reloader.apply(key)
				.map((value) -> Fresh.of(value, this.clock.instant()))
				.onErrorResume(SigmaMindNotFoundException.class, (ex) -> Mono.empty())
				.onErrorResume(SigmaMindException.class, (ex) -> {
					// The client has logged the failure; this only says what came of it.
					logger.debug("Serving stale data: could not renew {}: {}", key, ex.getMessage());
					return Mono.just(old.failed(this.clock.instant(), ex));
				})
				.toFuture();
		}

	}

	/** Evicts a value once it is older than it may be served, counted from its fetch. */
	private record KeepFor<K, V>(Function<V, Duration> keepFor, Clock clock) implements Expiry<K, Fresh<V>> {

		@Override
		public long expireAfterCreate(K key, Fresh<V> fresh, long currentTime) {
			return remaining(fresh);
		}

		@Override
		public long expireAfterUpdate(K key, Fresh<V> fresh, long currentTime, long currentDuration) {
			return remaining(fresh);
		}

		@Override
		public long expireAfterRead(K key, Fresh<V> fresh, long currentTime, long currentDuration) {
			return currentDuration;
		}

		private long remaining(Fresh<V> fresh) {
			Duration keep = this.keepFor.apply(fresh.value());
			if (keep.compareTo(NEVER) >= 0) {
				return Long.MAX_VALUE;
			}
			Duration left = keep.minus(Duration.between(fresh.fetchedAt(), this.clock.instant()));
			return left.isNegative() ? 0 : left.toNanos();
		}

	}

}
