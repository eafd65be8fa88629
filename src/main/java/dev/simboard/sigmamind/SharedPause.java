package dev.simboard.sigmamind;

import java.time.Instant;

import reactor.core.publisher.Mono;

/**
 * Where a pause asked for by SigmaMind (a 429 and its {@code Retry-After}) is kept, so
 * that every replica honours one seen by any of them. Without a shared store, each
 * Simboard keeps its own (see {@link UpstreamGuard}).
 */
public interface SharedPause {

	/** The end of the pause the replicas agree on, or {@link Instant#MIN} for none. */
	Mono<Instant> until();

	/** Makes the pause last at least until {@code until}; completes once it is kept. */
	Mono<Void> extend(Instant until);

}
