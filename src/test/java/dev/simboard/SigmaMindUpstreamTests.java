package dev.simboard;

import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.simboard.catalog.Catalog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole app over real HTTP against a fake SigmaMind on a real port.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SigmaMindUpstreamTests {

	static final String CANARY_KEY = "canary-7f3a9c1e5b2d4f6a8c0e";

	static final WireMockServer sigmaMind = new WireMockServer(options().dynamicPort());

	static final String AGENT = "agent_D5D0p7TUs66TTAEAx";

	static final String BATCH = "batch_s0OJu2JWR8R45Fai";

	static final String BATCH_URL = "/agents/" + AGENT + "/batches/" + BATCH;

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	WebSession session;

	@DynamicPropertySource
	static void sigmaMind(DynamicPropertyRegistry registry) {
		sigmaMind.start();
		registry.add("simboard.sigmamind.base-url", sigmaMind::baseUrl);
		registry.add("simboard.sigmamind.api-key", () -> CANARY_KEY);
		registry.add("simboard.sigmamind.response-timeout", () -> "1s");
		registry.add("simboard.security.users[0].name", () -> "qa");
		registry.add("simboard.security.users[0].password", () -> "{noop}secret");
	}

	@AfterAll
	static void stop() {
		sigmaMind.stop();
	}

	@BeforeEach
	void signIn() throws Exception {
		sigmaMind.resetAll();
		this.catalog.invalidateAll();
		this.session = new WebSession(this.port);
		assertThat(this.session.signIn("qa", "secret").statusCode()).isEqualTo(302);
	}

	private static String fixture(String name) throws Exception {
		try (var in = SigmaMindUpstreamTests.class.getResourceAsStream("SigmaMindUpstreamTests-" + name)) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	@Test
	void runPageWhenOlderDialectThenShowsVerdictAndTranscriptFromChat() throws Exception {
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs/job_old1")).willReturn(okJson(fixture("old-run.json"))));
		sigmaMind
			.stubFor(get(urlPathEqualTo("/v1/chats/chat-IpELinkFvINQ1212")).willReturn(okJson(fixture("chat.json"))));
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs")).willReturn(aResponse().withStatus(405)));
		HttpResponse<String> page = this.session.get(BATCH_URL + "/runs/job_old1");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body())
			.contains("verdict big failed", "from chat chat-IpELinkFvINQ1212", "id=\"m1\"", "id=\"m3\"",
					"Hello! Thanks for calling.", "&lt;script&gt;alert(1)&lt;/script&gt;", "lookup_order")
			.doesNotContain("<script>alert(1)</script>");
		sigmaMind.verify(getRequestedFor(urlPathEqualTo("/v1/test-runs/job_old1"))
			.withQueryParam("agentId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(AGENT))
			.withQueryParam("batchId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(BATCH))
			.withHeader("X-API-Key", com.github.tomakehurst.wiremock.client.WireMock.equalTo(CANARY_KEY))
			.withoutHeader("Cookie"));
	}

	@Test
	void batchPageWhenListCallAnswers405ThenShowsCountsTestCasesAndOpenForm() throws Exception {
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/batch-runs/" + BATCH)).willReturn(okJson(fixture("batch.json"))));
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs")).willReturn(aResponse().withStatus(405)));
		HttpResponse<String> page = this.session.get(BATCH_URL);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("SigmaMind does not list the runs", "70%",
				"Angry Customer - Cancellation Flow", "name=\"jobId\"");
	}

	@Test
	void pagesWhenIdsHostileThenBadRequestPageAndNoUpstreamRequest() throws Exception {
		for (String path : new String[] { "/agents/..", "/agents/%2e%2e%2f", "/agents/a;b",
				"/agents/" + "a".repeat(300), BATCH_URL + "/runs/%2e%2e", BATCH_URL + "/runs/job%0d%0a",
				"/agents/" + AGENT + "/batches/a%2Fb", BATCH_URL + "/runs?jobId=..%2F..%2Fv1%2Fagents" }) {
			HttpResponse<String> page = this.session.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(400);
			assertThat(page.body()).as(path).contains("Simboard", "Error 400").doesNotContain("Exception", "at dev.");
		}
		sigmaMind.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void runPageWhenUnknownThenNotFoundPageNamesIt() throws Exception {
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs/job_missing")).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"error\":\"Not Found\",\"message\":\"Test run not found\",\"path\":\"/v1/test-runs/job_missing\","
							+ "\"status\":404,\"timestamp\":\"2026-03-26T10:52:45.565Z\"}")));
		HttpResponse<String> page = this.session.get(BATCH_URL + "/runs/job_missing");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("no test run job_missing in batch run " + BATCH);
	}

	@Test
	void pagesWhenSigmaMindFailsThenBadGatewayPage() throws Exception {
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/agents")).willReturn(aResponse().withStatus(503)));
		HttpResponse<String> page = this.session.get("/agents");
		assertThat(page.statusCode()).isEqualTo(502);
		assertThat(page.body()).contains("SigmaMind is not answering").doesNotContain(CANARY_KEY);
	}

	@Test
	void pagesWhenSigmaMindHangsThenBadGatewayWithinTimeout() throws Exception {
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/agents")).willReturn(okJson("{\"data\":[]}").withFixedDelay(5_000)));
		HttpResponse<String> page = this.session.get("/agents");
		assertThat(page.statusCode()).isEqualTo(502);
		assertThat(page.body()).contains("SigmaMind is not answering");
	}

	@Test
	void pagesWhenKeyRefusedThenTellOperatorToCheckKeyWithoutShowingIt() throws Exception {
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/agents")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"error\":\"Unauthorized\",\"message\":\"Invalid API key " + CANARY_KEY + "\",\"status\":401}")));
		HttpResponse<String> page = this.session.get("/agents");
		assertThat(page.statusCode()).isEqualTo(502);
		assertThat(page.body()).contains("SIGMAMIND_API_KEY").doesNotContain(CANARY_KEY);
	}

	@Test
	void pagesWhenRateLimitedThenSayWhenToRetry() throws Exception {
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/agents"))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
		HttpResponse<String> page = this.session.get("/agents");
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.headers().firstValue("Retry-After")).hasValue("120");
		assertThat(page.body()).contains("SigmaMind asked us to slow down", "Try again in 2m 00s");
	}

	@Test
	void permalinkWhenSignedOutThenLeadsThroughLoginBackToTheRun() throws Exception {
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs/job_old1")).willReturn(okJson(fixture("old-run.json"))));
		sigmaMind
			.stubFor(get(urlPathEqualTo("/v1/chats/chat-IpELinkFvINQ1212")).willReturn(okJson(fixture("chat.json"))));
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs")).willReturn(aResponse().withStatus(404)));
		WebSession colleague = new WebSession(this.port);
		HttpResponse<String> first = colleague.get(BATCH_URL + "/runs/job_old1?from=chat");
		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		HttpResponse<String> signedIn = colleague.signIn("qa", "secret");
		assertThat(signedIn.headers().firstValue("Location").orElseThrow())
			.isEqualTo("http://localhost:" + this.port + BATCH_URL + "/runs/job_old1?from=chat");
		HttpResponse<String> page = colleague.follow(signedIn);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Angry Customer - Cancellation Flow");
	}

	@Test
	void signInWhenPasswordWrongThenBackToLoginWithMessage() throws Exception {
		WebSession stranger = new WebSession(this.port);
		HttpResponse<String> answer = stranger.signIn("qa", "wrong");
		assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
		assertThat(stranger.follow(answer).body()).contains("did not match").doesNotContain("Demo mode");
	}

}
