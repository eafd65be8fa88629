package dev.simboard.catalog;

import java.time.Instant;

import dev.simboard.sigmamind.SigmaMindException;

/**
 * How old the oldest stale part of a page is, and why it could not be renewed.
 *
 * @param since when that data was fetched
 * @param cause why it was not renewed
 */
public record Staleness(Instant since, SigmaMindException cause) {

	/** The oldest stale part, or {@code null} when every part is fresh. */
	public static Staleness of(Fresh<?>... parts) {
		Staleness oldest = null;
		for (Fresh<?> part : parts) {
			if (part != null && part.stale() && (oldest == null || part.fetchedAt().isBefore(oldest.since()))) {
				oldest = new Staleness(part.fetchedAt(), part.failure());
			}
		}
		return oldest;
	}

}
