package dev.simboard.sigmamind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import dev.simboard.logging.Warnings;
import dev.simboard.sigmamind.SigmaMindProperties.Resilience;
import dev.simboard.sigmamind.SigmaMindUnavailableException.Reason;

/**
 * What stands between Simboard and SigmaMind on every call: a pause after a 429, a
 * bulkhead, a circuit breaker and retries (Resilience4j), and a timer per endpoint and
 * outcome.
 */
final class UpstreamGuard {

	private static final Logger logger = LoggerFactory.getLogger(SigmaMindClient.class);

	/** A failed call is one WARN line, and a run of the same failure one a minute. */
	private final Warnings warnings;

	/** How often a call waiting for a slot looks for one. */
	private static final Duration SLOT_POLL = Duration.ofMillis(20);

	private final Clock clock;

	private final Resilience settings;

	private final CircuitBreaker breaker;

	private final Bulkhead bulkhead;

	private final Retry retry;

	private final MeterRegistry meters;

	/** No call before this instant: SigmaMind asked us to slow down. */
	private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.MIN);

	/** The pause the replicas share, or {@code null}: this Simboard's own only. */
	private final SharedPause shared;

	UpstreamGuard(Resilience settings, Clock clock, MeterRegistry meters) {
		this(settings, clock, meters, null);
	}

	UpstreamGuard(Resilience settings, Clock clock, MeterRegistry meters, SharedPause shared) {
		this.shared = shared;
		this.clock = clock;
		this.settings = settings;
		this.meters = meters;
		this.warnings = new Warnings(logger, clock);
		this.breaker = CircuitBreaker.of("sigmamind", CircuitBreakerConfig.custom()
			.slidingWindow(settings.breakerWindow(), Math.min(settings.breakerMinimumCalls(), settings.breakerWindow()),
					SlidingWindowType.COUNT_BASED)
			.failureRateThreshold(settings.breakerFailureRate())
			.waitDurationInOpenState(settings.breakerOpenFor())
			.permittedNumberOfCallsInHalfOpenState(1)
			.recordException(UpstreamGuard::upstreamFault)
			// A pause we keep for a 429 says nothing about SigmaMind's health either way.
			.ignoreExceptions(SigmaMindRateLimitedException.class)
			.clock(clock)
			.build());
		this.bulkhead = Bulkhead.of("sigmamind",
				BulkheadConfig.custom()
					.maxConcurrentCalls(settings.maxConcurrentCalls())
					.maxWaitDuration(Duration.ZERO)
					.build());
		this.retry = Retry.of("sigmamind", RetryConfig.custom()
			.maxAttempts(settings.maxAttempts())
			.intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.retryBackoff().toMillis(), 2.0, 0.5))
			.retryOnException(
					(ex) -> ex instanceof SigmaMindUnavailableException unavailable && unavailable.reason().retryable())
			.build());
		Gauge.builder("simboard.sigmamind.breaker.state", this.breaker, (b) -> b.getState().getOrder())
			.description("SigmaMind circuit breaker: 0 closed, 1 open, 2 half-open, others per Resilience4j")
			.register(meters);
	}

	/** Whether a failure says something about SigmaMind's health. */
	private static boolean upstreamFault(Throwable ex) {
		return (ex instanceof SigmaMindUnavailableException unavailable && (unavailable.reason() == Reason.CONNECT
				|| unavailable.reason() == Reason.TIMEOUT || unavailable.reason() == Reason.SERVER_ERROR))
				|| (ex instanceof SigmaMindBadResponseException bad && bad.unreadable());
	}

	/**
	 * With every slot taken, a call tries again every few milliseconds, without holding a
	 * thread, until one is free or its wait is over: pages that ask at the same time (a
	 * big batch's run list is several calls) queue rather than fail.
	 */
	private static reactor.util.retry.Retry waitForSlot(Duration maxWait) {
		long polls = maxWait.toMillis() / SLOT_POLL.toMillis();
		return reactor.util.retry.Retry.fixedDelay(polls, SLOT_POLL)
			.filter(BulkheadFullException.class::isInstance)
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
	}

	<T> Mono<T> guard(String endpoint, Mono<T> call) {
		Mono<T> admitted = call.transform(CircuitBreakerOperator.of(this.breaker))
			.transform(BulkheadOperator.of(this.bulkhead));
		// The pause comes first, on every try (a call waiting for a slot or retried
		// included): while it lasts, neither breaker nor bulkhead sees a call.
		Mono<T> guarded = pausedUntil().flatMap((until) -> {
			Instant now = this.clock.instant();
			return now.isBefore(until)
					? Mono.<T>error(new SigmaMindRateLimitedException(endpoint, Duration.between(now, until)))
					: admitted;
		})
			.retryWhen(waitForSlot(this.settings.maxQueueWait()))
			.onErrorMap(CallNotPermittedException.class,
					(ex) -> new SigmaMindUnavailableException(endpoint, Reason.CIRCUIT_OPEN,
							"paused after repeated failures", ex))
			.onErrorMap(BulkheadFullException.class,
					(ex) -> new SigmaMindUnavailableException(endpoint, Reason.BUSY, "too many calls in flight", ex))
			.transform(RetryOperator.of(this.retry));
		return Mono.defer(() -> {
			Timer.Sample sample = Timer.start(this.meters);
			return guarded.doOnSuccess((value) -> record(endpoint, sample, null))
				.doOnError((ex) -> record(endpoint, sample, ex));
		});
	}

	/** The end of the pause: this Simboard's own, or the replicas' if later. */
	private Mono<Instant> pausedUntil() {
		return Mono.defer(() -> {
			Instant own = this.pausedUntil.get();
			if (this.shared == null) {
				return Mono.just(own);
			}
			return this.shared.until().map((theirs) -> theirs.isAfter(own) ? theirs : own);
		});
	}

	/**
	 * Honours a 429: no call to SigmaMind until its {@code Retry-After} has passed, on
	 * this Simboard at once, and on every replica once the shared pause is kept.
	 */
	Mono<Duration> pause(Duration retryAfter) {
		Duration wait = (retryAfter != null) ? retryAfter : this.settings.defaultRetryAfter();
		if (wait.compareTo(this.settings.maxRetryAfter()) > 0) {
			wait = this.settings.maxRetryAfter();
		}
		Duration kept = wait;
		Instant until = this.clock.instant().plus(wait);
		this.pausedUntil.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
		return (this.shared != null) ? this.shared.extend(until).thenReturn(kept) : Mono.just(kept);
	}

	CircuitBreaker.State breakerState() {
		return this.breaker.getState();
	}

	private void record(String endpoint, Timer.Sample sample, Throwable failure) {
		String outcome = (failure != null) ? outcome(failure) : "success";
		long nanos = sample.stop(Timer.builder("simboard.sigmamind.calls")
			.description(
					"Calls to SigmaMind by endpoint and outcome, from the first try: retries and any wait for a slot included")
			.tag("endpoint", endpoint)
			.tag("outcome", outcome)
			.register(this.meters));
		long millis = nanos / 1_000_000;
		if (failure == null) {
			logger.debug("SigmaMind {} -> success in {} ms", endpoint, millis);
		}
		else if (failure instanceof SigmaMindException expected) {
			// The message names the endpoint and the status or cause; no stack trace.
			this.warnings.warn(endpoint + " " + outcome, "SigmaMind call failed: {} ({}) in {} ms",
					expected.getMessage(), outcome, millis);
		}
		else {
			logger.error("SigmaMind {} failed unexpectedly in {} ms", endpoint, millis, failure);
		}
	}

	private static String outcome(Throwable ex) {
		if (ex instanceof SigmaMindUnavailableException unavailable) {
			return unavailable.reason().name().toLowerCase(java.util.Locale.ROOT);
		}
		if (ex instanceof SigmaMindNotFoundException) {
			return "not_found";
		}
		if (ex instanceof SigmaMindUnauthorizedException) {
			return "unauthorized";
		}
		if (ex instanceof SigmaMindRateLimitedException) {
			return "rate_limited";
		}
		if (ex instanceof SigmaMindBadResponseException) {
			return "bad_response";
		}
		return "error";
	}

}
