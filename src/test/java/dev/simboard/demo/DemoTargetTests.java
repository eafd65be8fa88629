package dev.simboard.demo;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DemoTargetTests {

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void baseUrlWhenServerListensThenLocalPortAndContextPath() {
		DemoTarget target = new DemoTarget(this.environment, "demo_key");
		this.environment.setProperty("server.servlet.context-path", "/simboard/");
		assertThat(target.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8080/simboard/demo-api"));
		// Set once the server listens; read on each call.
		this.environment.setProperty("local.server.port", "54321");
		assertThat(target.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:54321/simboard/demo-api"));
	}

	@Test
	void baseUrlWhenNotListeningYetThenConfiguredPort() {
		this.environment.setProperty("server.port", "9090");
		assertThat(new DemoTarget(this.environment, "demo_key").baseUrl())
			.isEqualTo(URI.create("http://127.0.0.1:9090/demo-api"));
		this.environment.setProperty("server.port", "0");
		assertThat(new DemoTarget(this.environment, "demo_key").baseUrl())
			.isEqualTo(URI.create("http://127.0.0.1:8080/demo-api"));
	}

	@Test
	void keyWhenGeneratedThenRandomUrlSafeAndNeverInToString() {
		DemoTarget target = DemoTarget.withGeneratedKey(this.environment);
		assertThat(target.apiKey()).matches("demo_[A-Za-z0-9_-]{32}");
		assertThat(DemoTarget.withGeneratedKey(this.environment).apiKey()).isNotEqualTo(target.apiKey());
		assertThat(target.toString()).doesNotContain(target.apiKey()).contains("/demo-api");
	}

	@Test
	void keyWhenConfiguredThenUsedWithoutSurroundingWhitespaceAndNeverInToString() {
		// As read from a secret file, with its last newline.
		DemoTarget target = DemoTarget.withConfiguredKey(this.environment, "bench_upstream_key_0123456789\n");
		assertThat(target.apiKey()).isEqualTo("bench_upstream_key_0123456789");
		assertThat(target.accepts("bench_upstream_key_0123456789")).isTrue();
		assertThat(target.toString()).doesNotContain(target.apiKey());
	}

	@Test
	void keyWhenConfiguredInvalidThenRejectedNamingTheSettingButNotTheKey() {
		for (String key : List.of("", "k".repeat(15), "k".repeat(201), "sixteen chars ok", "key/with/slashes/0123")) {
			assertThatIllegalArgumentException().as(key)
				.isThrownBy(() -> DemoTarget.withConfiguredKey(this.environment, key))
				.withMessageContaining("simboard.demo.api-key")
				.withMessageNotContaining(key.isEmpty() ? "\u0000" : key);
		}
		assertThat(DemoTarget.withConfiguredKey(this.environment, "k".repeat(16)).apiKey()).hasSize(16);
		assertThat(DemoTarget.withConfiguredKey(this.environment, "K-_9".repeat(50)).apiKey()).hasSize(200);
	}

	@Test
	void acceptsWhenSameKeyOnly() {
		DemoTarget target = new DemoTarget(this.environment, "demo_key");
		assertThat(target.accepts("demo_key")).isTrue();
		assertThat(target.accepts("demo_kez")).isFalse();
		assertThat(target.accepts("demo_ke")).isFalse();
		assertThat(target.accepts("")).isFalse();
		assertThat(target.accepts(null)).isFalse();
	}

}
