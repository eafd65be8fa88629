package dev.simboard.catalog;

import java.time.Instant;

import dev.simboard.sigmamind.SigmaMindException;

/**
 * A value as SigmaMind last gave it, and whether the latest try to renew it failed.
 *
 * @param <T> the value's type
 * @param value the last good value
 * @param fetchedAt when SigmaMind gave it
 * @param triedAt when Simboard last asked SigmaMind for it
 * @param failure why the latest try failed, or {@code null} when it did not
 */
public record Fresh<T>(T value, Instant fetchedAt, Instant triedAt, SigmaMindException failure) {

	public static <T> Fresh<T> of(T value, Instant now) {
		return new Fresh<>(value, now, now, null);
	}

	/** The same value, marked as not renewed at {@code now}. */
	Fresh<T> failed(Instant now, SigmaMindException ex) {
		return new Fresh<>(this.value, this.fetchedAt, now, ex);
	}

	/** Whether this is older data served because SigmaMind did not renew it. */
	public boolean stale() {
		return this.failure != null;
	}

}
