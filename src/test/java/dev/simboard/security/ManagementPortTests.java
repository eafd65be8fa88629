package dev.simboard.security;

import org.junit.jupiter.api.Test;

import dev.simboard.WebSession;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a separate management port, Prometheus scrapes there without a session, while the
 * main port keeps every actuator endpoint but health for admins.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class ManagementPortTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void prometheusWhenOnManagementPortThenOpenAndOnMainPortThenSignInNeeded() throws Exception {
		var scrape = new WebSession(this.managementPort).get("/actuator/prometheus");
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("simboard_sigmamind_breaker_state", "cache_gets");
		assertThat(new WebSession(this.managementPort).get("/actuator/metrics").statusCode()).isNotEqualTo(200);
		assertThat(new WebSession(this.port).get("/actuator/prometheus").statusCode()).isEqualTo(302);
		assertThat(new WebSession(this.managementPort).get("/actuator/health").statusCode()).isEqualTo(200);
	}

}
