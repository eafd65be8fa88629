package dev.simboard;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import dev.simboard.catalog.Catalog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole app pointed at a fake SigmaMind, for tests that drive it over HTTP. Every
 * class that extends this one shares one Spring context and one fake, so the suite starts
 * the app once for all of them: users {@code qa} (VIEWER), {@code boss} (ADMIN) and
 * {@code rita} (REVIEWER), a canary API key, a short response timeout, quick retries, a
 * breaker that opens after two failures, and a clock the tests move by hand.
 * <p>
 * Before each test, the fake forgets its stubs and requests, held answers are held
 * afresh, the caches are emptied, the clock moves past any pause, sign-in lock-out or
 * open breaker an earlier test left, and the breaker is closed again; so each test starts
 * as if the app were new.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(FakeSigmaMindApp.Time.class)
public abstract class FakeSigmaMindApp {

	/** The key Simboard sends SigmaMind: a canary that must show up nowhere else. */
	public static final String API_KEY = "canary-7f3a9c1e5b2d4f6a8c0e";

	/** Holds the answers of stubs marked {@link HeldAnswers#NAME} until let go. */
	protected static final HeldAnswers held = new HeldAnswers();

	/**
	 * The fake SigmaMind: started once, for every class and the one context they share;
	 * it goes with the test JVM.
	 */
	protected static final WireMockServer sigmaMind = startSigmaMind();

	@LocalServerPort
	protected int port;

	@Autowired
	protected Catalog catalog;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected MeterRegistry meters;

	@Autowired
	protected DataSource dataSource;

	private static WireMockServer startSigmaMind() {
		WireMockServer server = new WireMockServer(options().dynamicPort().extensions(held));
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "fake-sigmamind-stop"));
		return server;
	}

	@DynamicPropertySource
	static void fakeSigmaMind(DynamicPropertyRegistry registry) {
		registry.add("simboard.sigmamind.base-url", sigmaMind::baseUrl);
		registry.add("simboard.sigmamind.api-key", () -> API_KEY);
		registry.add("simboard.sigmamind.response-timeout", () -> "2s");
		// Opens after two failures, for QuietLogTests; every test starts with it closed.
		registry.add("simboard.sigmamind.resilience.breaker-minimum-calls", () -> "2");
		registry.add("simboard.sigmamind.resilience.breaker-window", () -> "2");
		registry.add("simboard.sigmamind.resilience.retry-backoff", () -> "5ms");
		registry.add("simboard.security.users[0].name", () -> "qa");
		registry.add("simboard.security.users[0].password", () -> "{noop}secret");
		registry.add("simboard.security.users[1].name", () -> "boss");
		registry.add("simboard.security.users[1].password", () -> "{noop}secret2");
		registry.add("simboard.security.users[1].roles", () -> "ADMIN");
		registry.add("simboard.security.users[2].name", () -> "rita");
		registry.add("simboard.security.users[2].password", () -> "{noop}secret3");
		registry.add("simboard.security.users[2].roles", () -> "REVIEWER");
	}

	@BeforeEach
	void resetApp() throws Exception {
		held.hold();
		sigmaMind.resetAll();
		sigmaMind.stubFor(get(anyUrl()).willReturn(okJson("{\"data\":[]}")));
		// Every test signs in from this address: its failed sign-ins must not count
		// against the next test.
		this.clock.advance(Duration.ofHours(2));
		WebSession probe = new WebSession(this.port);
		assertThat(probe.signIn("qa", "secret").statusCode()).isEqualTo(302);
		// An open breaker lets one call through once its time is up (the clock just
		// moved past it), and that call's success closes it.
		await().untilAsserted(() -> {
			this.clock.advance(Duration.ofHours(1));
			this.catalog.invalidateAll();
			assertThat(probe.get("/agents").statusCode()).isEqualTo(200);
			assertThat(breakerState()).isZero();
		});
		this.catalog.invalidateAll();
		// Each test starts with an empty archive: tests reuse job IDs with other answers.
		await().until(() -> this.catalog.archiveBacklog() == 0);
		Simboards.emptyArchive(this.dataSource);
		sigmaMind.resetAll();
	}

	@AfterEach
	void letHeldAnswersGo() {
		held.release();
	}

	/** The circuit breaker's state: 0 closed, 1 open, 2 half-open. */
	protected double breakerState() {
		return this.meters.get("simboard.sigmamind.breaker.state").gauge().value();
	}

	/** Time that tests move by hand. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.parse("2026-03-27T09:00:00Z"));
		}

	}

}
