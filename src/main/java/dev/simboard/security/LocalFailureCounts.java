package dev.simboard.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Failures counted in this Simboard's memory: bounded, so made-up names cannot fill it.
 */
final class LocalFailureCounts implements FailureCounts {

	private static final Duration HOUR = Duration.ofHours(1);

	private final Cache<String, Failures> failures = Caffeine.newBuilder()
		.maximumSize(300_000)
		.expireAfterAccess(Duration.ofHours(2))
		.build();

	@Override
	public long add(String key, Instant now, int keep, Instant since) {
		Failures kept = this.failures.get(key, (k) -> new Failures());
		synchronized (kept) {
			kept.times.addLast(now);
			while (kept.times.size() > keep
					|| (kept.times.size() > 1 && kept.times.peekFirst().isBefore(now.minus(HOUR)))) {
				kept.times.removeFirst();
			}
			return kept.times.stream().filter((time) -> time.isAfter(since)).count();
		}
	}

	@Override
	public Instant latest(String key) {
		return peek(key, Deque::peekLast);
	}

	@Override
	public Instant oldest(String key) {
		return peek(key, Deque::peekFirst);
	}

	private Instant peek(String key, Function<Deque<Instant>, Instant> end) {
		Failures kept = this.failures.getIfPresent(key);
		if (kept == null) {
			return null;
		}
		synchronized (kept) {
			return end.apply(kept.times);
		}
	}

	@Override
	public Instant lockedUntil(String key) {
		Failures kept = this.failures.getIfPresent(key);
		if (kept == null) {
			return Instant.MIN;
		}
		synchronized (kept) {
			return kept.lockedUntil;
		}
	}

	@Override
	public void lock(String key, Instant until) {
		Failures kept = this.failures.get(key, (k) -> new Failures());
		synchronized (kept) {
			kept.lockedUntil = until;
		}
	}

	@Override
	public void forget(String key) {
		this.failures.invalidate(key);
	}

	/** The latest failures, oldest first, and a lock. */
	private static final class Failures {

		private final Deque<Instant> times = new ArrayDeque<>();

		private Instant lockedUntil = Instant.MIN;

	}

}
