package dev.simboard.sigmamind;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

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
 */
@Validated
@ConfigurationProperties("simboard.sigmamind")
public record SigmaMindProperties(@NotNull @DefaultValue("https://api.sigmamind.ai") URI baseUrl, String apiKey,
		@NotNull @DefaultValue("2s") Duration connectTimeout, @NotNull @DefaultValue("5s") Duration responseTimeout,
		@NotNull @Pattern(regexp = "/[A-Za-z0-9/_-]*") @DefaultValue("/v1/test-runs") String testRunsPath,
		@Min(1) @DefaultValue("100") int testRunsPageSize, @NotNull @DefaultValue("16MB") DataSize maxResponseSize) {

	/** Whether a key is configured; without one Simboard serves its demo API. */
	public boolean hasApiKey() {
		return this.apiKey != null && !this.apiKey.isBlank();
	}

	@Override
	public String toString() {
		// The key must never reach a log line, even through a debug dump of this record.
		return "SigmaMindProperties[baseUrl=" + this.baseUrl + ", apiKey=" + (hasApiKey() ? "****" : "(none)")
				+ ", connectTimeout=" + this.connectTimeout + ", responseTimeout=" + this.responseTimeout
				+ ", testRunsPath=" + this.testRunsPath + "]";
	}

}
