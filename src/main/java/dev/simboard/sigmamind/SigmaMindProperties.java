package dev.simboard.sigmamind;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where Simboard reads SigmaMind from, and how patiently.
 *
 * @param baseUrl base URL of the SigmaMind API (env {@code SIGMAMIND_BASE_URL})
 * @param apiKey API key sent as {@code X-API-Key} (env {@code SIGMAMIND_API_KEY}); when
 * blank, Simboard runs on its embedded demo API
 * @param connectTimeout how long to wait for a TCP connection to SigmaMind
 * @param responseTimeout how long to wait for SigmaMind's answer to one request
 * @param testRunsPath path of the undocumented call that lists the test runs of a batch
 * @param testRunsPageSize page size asked of that list call
 * @param maxResponseSize largest response body that is decoded
 * @param resilience how Simboard protects itself and SigmaMind when calls fail
 */
@Validated
@ConfigurationProperties("simboard.sigmamind")
public record SigmaMindProperties(@NotNull @DefaultValue("https://api.sigmamind.ai") URI baseUrl, String apiKey,
		@NotNull @DurationMin(millis = 1) @DefaultValue("2s") Duration connectTimeout,
		@NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration responseTimeout,
		@NotNull @Pattern(regexp = "/[A-Za-z0-9/_-]*") @DefaultValue("/v1/test-runs") String testRunsPath,
		@Min(1) @DefaultValue("100") int testRunsPageSize, @NotNull @DefaultValue("16MB") DataSize maxResponseSize,
		@Valid @NotNull @DefaultValue Resilience resilience) {

	/**
	 * Retries, circuit breaker, bulkhead and rate-limit handling.
	 *
	 * @param maxAttempts attempts per call, the first included; only connection errors
	 * and 5xx answers are tried again
	 * @param retryBackoff wait before the second attempt; it doubles, with jitter
	 * @param maxConcurrentCalls upstream calls in flight at once; more wait for a slot
	 * @param maxQueueWait how long a call waits for a slot before it is refused; zero
	 * refuses at once; keep it below the response timeout, so a page that waited says so
	 * @param defaultRetryAfter pause after a 429 that names no {@code Retry-After}
	 * @param maxRetryAfter longest pause a 429's {@code Retry-After} is honoured for
	 * @param breakerWindow the last calls the circuit breaker judges the failure rate on
	 * @param breakerMinimumCalls calls needed before the breaker may open
	 * @param breakerFailureRate failure rate, in percent, that opens the breaker
	 * @param breakerOpenFor how long an open breaker refuses calls before one probe
	 */
	public record Resilience(@Min(1) @Max(10) @DefaultValue("3") int maxAttempts,
			@NotNull @DurationMin(millis = 1) @DefaultValue("200ms") Duration retryBackoff,
			@Min(1) @DefaultValue("8") int maxConcurrentCalls, @NotNull @DefaultValue("2s") Duration maxQueueWait,
			@NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration defaultRetryAfter,
			@NotNull @DurationMin(millis = 1) @DefaultValue("5m") Duration maxRetryAfter,
			@Min(1) @DefaultValue("10") int breakerWindow, @Min(1) @DefaultValue("5") int breakerMinimumCalls,
			@Min(1) @Max(100) @DefaultValue("50") int breakerFailureRate,
			@NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration breakerOpenFor) {

		/** The defaults, for code that builds properties by hand. */
		public static Resilience defaults() {
			return new Resilience(3, Duration.ofMillis(200), 8, Duration.ofSeconds(2), Duration.ofSeconds(30),
					Duration.ofMinutes(5), 10, 5, 50, Duration.ofSeconds(30));
		}

	}

	public SigmaMindProperties {
		if (baseUrl != null && (baseUrl.getHost() == null
				|| !("http".equalsIgnoreCase(baseUrl.getScheme()) || "https".equalsIgnoreCase(baseUrl.getScheme())))) {
			throw new IllegalArgumentException(
					"simboard.sigmamind.base-url must be an http or https URL with a host, such as "
							+ "https://api.sigmamind.ai");
		}
	}

	/** Whether a key is configured; without one Simboard serves its demo API. */
	public boolean hasApiKey() {
		return !DemoMode.without(this.apiKey);
	}

	@Override
	public String toString() {
		// The key must never reach a log line, even through a debug dump of this record.
		return "SigmaMindProperties[baseUrl=" + this.baseUrl + ", apiKey=" + (hasApiKey() ? "****" : "(none)")
				+ ", connectTimeout=" + this.connectTimeout + ", responseTimeout=" + this.responseTimeout
				+ ", testRunsPath=" + this.testRunsPath + "]";
	}

}
