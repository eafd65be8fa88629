package dev.simboard.security;

import java.time.Instant;

/**
 * Where sign-in failures and locks are counted, by key ({@code client:…}, {@code pair:…},
 * {@code user:…}): in this Simboard's memory, or in Redis, where every replica counts the
 * same (see {@link LoginThrottle}).
 */
interface FailureCounts {

	/**
	 * Adds a failure at {@code now}, keeping no more than {@code keep} of the latest,
	 * none older than an hour but the last.
	 * @return the failures kept after {@code since}
	 */
	long add(String key, Instant now, int keep, Instant since);

	/** The latest failure kept, or {@code null}. */
	Instant latest(String key);

	/** The oldest failure kept, or {@code null}. */
	Instant oldest(String key);

	/** Until when the key is refused; {@link Instant#MIN} for not. */
	Instant lockedUntil(String key);

	/** Refuses the key until {@code until}. */
	void lock(String key, Instant until);

	/** Forgets the key's failures and lock. */
	void forget(String key);

}
