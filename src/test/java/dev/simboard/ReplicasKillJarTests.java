package dev.simboard;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of the packaged jar over one PostgreSQL and one Redis: one killed with
 * {@code kill -9}, the other still serves the user signed in on it.
 */
class ReplicasKillJarTests {

	private final WireMockServer sigmaMind = new WireMockServer(options().dynamicPort());

	private final SimboardJars jars = new SimboardJars();

	@BeforeEach
	void startSigmaMind() {
		this.sigmaMind.start();
		this.sigmaMind.stubFor(get(anyUrl()).willReturn(okJson("{\"data\":[]}")));
	}

	@AfterEach
	void stop() {
		this.jars.close();
		this.sigmaMind.stop();
	}

	@Test
	void sessionWhenTheReplicaThatSignedTheUserInIsKilledThenTheOtherStillServesThem() throws Exception {
		List<String> settings = new ArrayList<>(List.of("--simboard.sigmamind.base-url=" + this.sigmaMind.baseUrl(),
				"--simboard.sigmamind.api-key=replica-key", "--simboard.security.users[0].name=lead",
				"--simboard.security.users[0].password={noop}secret", "--simboard.sessions.store=redis",
				"--simboard.sessions.redis-url=" + LocalRedis.url(),
				"--simboard.sessions.namespace=test-" + UUID.randomUUID()));
		settings.addAll(List.of(LocalPostgres.database().arguments()));
		int a = this.jars.start(settings);
		int b = this.jars.start(settings);
		WebSession session = new WebSession(a);
		assertThat(session.signIn("lead", "secret").statusCode()).isEqualTo(302);
		assertThat(session.get("/agents").statusCode()).isEqualTo(200);

		SimboardJars.kill(this.jars.processes().get(0));

		var onB = session.getUrl("http://localhost:" + b + "/agents");
		assertThat(onB.statusCode()).isEqualTo(200);
		assertThat(onB.body()).contains("Signed in as").contains("lead");
	}

}
