package dev.simboard.sigmamind;

import java.time.Duration;

/**
 * SigmaMind answered 429: slow down, for {@link #retryAfter()} if it said how long.
 */
public final class SigmaMindRateLimitedException extends SigmaMindException {

	private final Duration retryAfter;

	public SigmaMindRateLimitedException(String endpoint, Duration retryAfter) {
		super(endpoint, endpoint + " asked us to slow down (429)", null);
		this.retryAfter = retryAfter;
	}

	/** How long to wait, from {@code Retry-After}; {@code null} when not given. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
