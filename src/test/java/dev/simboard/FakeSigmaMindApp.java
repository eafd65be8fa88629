package dev.simboard;

import java.time.Instant;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The whole app pointed at a fake SigmaMind, for tests that drive it over HTTP: users
 * {@code qa} (VIEWER) and {@code boss} (ADMIN), a short response timeout, quick retries,
 * a breaker that never opens (each test's faults stand alone; CatalogTests covers the
 * breaker), and a clock the test moves by hand.
 */
public final class FakeSigmaMindApp {

	private FakeSigmaMindApp() {
	}

	/**
	 * Starts the fake (unless a context of the same test class started it already) and
	 * points the app at it, with this key.
	 */
	public static void register(DynamicPropertyRegistry registry, WireMockServer sigmaMind, String apiKey) {
		if (!sigmaMind.isRunning()) {
			sigmaMind.start();
		}
		registry.add("simboard.sigmamind.base-url", sigmaMind::baseUrl);
		registry.add("simboard.sigmamind.api-key", () -> apiKey);
		registry.add("simboard.sigmamind.response-timeout", () -> "2s");
		registry.add("simboard.sigmamind.resilience.breaker-minimum-calls", () -> "1000");
		registry.add("simboard.sigmamind.resilience.breaker-window", () -> "1000");
		registry.add("simboard.sigmamind.resilience.retry-backoff", () -> "5ms");
		registry.add("simboard.security.users[0].name", () -> "qa");
		registry.add("simboard.security.users[0].password", () -> "{noop}secret");
		registry.add("simboard.security.users[1].name", () -> "boss");
		registry.add("simboard.security.users[1].password", () -> "{noop}secret2");
		registry.add("simboard.security.users[1].roles", () -> "ADMIN");
	}

	/** Time that tests move by hand; import it beside {@link #register}. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Time {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.parse("2026-03-27T09:00:00Z"));
		}

	}

}
