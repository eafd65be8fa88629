package dev.simboard.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.simboard.MutableClock;
import dev.simboard.sigmamind.SigmaMindNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FreshCacheTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-27T09:00:00Z"));

	private final AtomicInteger loads = new AtomicInteger();

	/** A loader whose answer fails before the cache has even handed its future back. */
	private final FreshCache<String, String> cache = new FreshCache<>("things", 100, null, (key) -> {
		this.loads.incrementAndGet();
		return Mono.error(new SigmaMindNotFoundException("GET /v1/things/{id}", 404));
	}, null, (value) -> false, Duration.ofSeconds(10), Duration.ofMinutes(5), this.clock, new SimpleMeterRegistry());

	@Test
	void getWhenTheLoadFailsAtOnceThenSigmaMindIsAskedOnce() {
		// On a busy machine a load can fail before the request looks at it: that is this
		// request's failure, not an earlier one's to be asked again.
		assertThatExceptionOfType(SigmaMindNotFoundException.class)
			.isThrownBy(() -> this.cache.get("a", this.clock.instant().plusSeconds(1)));
		assertThat(this.loads).hasValue(1);
	}

	@Test
	void getWhenAnEarlierLoadFailedThenTheNextRequestAsksAgain() {
		assertThatExceptionOfType(SigmaMindNotFoundException.class)
			.isThrownBy(() -> this.cache.get("a", this.clock.instant().plusSeconds(1)));
		assertThatExceptionOfType(SigmaMindNotFoundException.class)
			.isThrownBy(() -> this.cache.get("a", this.clock.instant().plusSeconds(1)));
		assertThat(this.loads).hasValue(2);
	}

}
