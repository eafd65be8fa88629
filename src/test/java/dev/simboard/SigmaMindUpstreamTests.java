package dev.simboard;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole app over real HTTP against a fake SigmaMind on a real port.
 */
class SigmaMindUpstreamTests extends FakeSigmaMindApp {

	static final String CANARY_KEY = API_KEY;

	static final String AGENT = "agent_D5D0p7TUs66TTAEAx";

	static final String BATCH = "batch_s0OJu2JWR8R45Fai";

	static final String BATCH_URL = "/agents/" + AGENT + "/batches/" + BATCH;

	WebSession session;

	@BeforeEach
	void signIn() throws Exception {
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
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/agents"))
			.willReturn(okJson("{\"data\":[]}").withTransformers(HeldAnswers.NAME)));
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
	void pagesWhenCachedAndRenewalFailsThenServedWithStaleBanner() throws Exception {
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/agents")).willReturn(okJson(fixture("agents.json"))));
		assertThat(this.session.get("/agents").body()).contains("Billing Support").doesNotContain("stale-notice");
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/agents")).willReturn(aResponse().withStatus(503)));
		this.clock.advance(Duration.ofMinutes(4));
		assertThat(this.session.get("/agents").statusCode()).isEqualTo(200);
		// The renewal's retries open the breaker: the banner may give that reason.
		await().untilAsserted(() -> assertThat(this.session.get("/agents").body()).contains("Billing Support")
			.containsPattern("Showing data from 4 min ago: (SigmaMind is not answering|SigmaMind kept failing)"));
	}

	@Test
	void upstreamRequestsCarryOnlyTheAllowedHeadersAndNothingComesBack() throws Exception {
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/agents"))
			.willReturn(okJson(fixture("agents.json")).withHeader("Set-Cookie", "upstream_session=abc; Path=/")
				.withHeader("X-Upstream-Secret", "s3")));
		HttpResponse<String> page = this.session.get("/agents", "Cookie", "browser_cookie=1", "Authorization",
				"Bearer user-token", "X-Forwarded-For", "203.0.113.9", "X-Forwarded-Host", "evil.example");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().allValues("Set-Cookie")).noneMatch((cookie) -> cookie.contains("upstream_session"));
		assertThat(page.headers().firstValue("X-Upstream-Secret")).isEmpty();
		LoggedRequest upstream = sigmaMind.findAll(getRequestedFor(urlPathEqualTo("/v1/agents"))).get(0);
		Set<String> names = upstream.getHeaders()
			.all()
			.stream()
			.map((header) -> header.key().toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		// Host is the transport's own; everything else must be on the allowed list.
		names.remove("host");
		assertThat(names).containsExactlyInAnyOrder("x-api-key", "accept", "user-agent");
	}

	@Test
	void loginPageWhenSigmaMindHungThenStillAnswersAndUpstreamCallsAreBounded() throws Exception {
		// SigmaMind holds every answer until the end of the test.
		sigmaMind.stubFor(get(anyUrl()).willReturn(okJson("{\"data\":[]}").withTransformers(HeldAnswers.NAME)));
		List<WebSession> users = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			WebSession user = new WebSession(this.port);
			user.signIn("qa", "secret");
			users.add(user);
		}
		List<CompletableFuture<HttpResponse<String>>> pages = new ArrayList<>();
		for (int i = 0; i < users.size(); i++) {
			WebSession user = users.get(i);
			String path = "/agents/agent_" + i;
			pages.add(CompletableFuture.supplyAsync(() -> {
				try {
					return user.get(path);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}));
		}
		// While SigmaMind holds the calls it was sent, sign-in and static files still
		// answer.
		await().until(() -> held.arrived() > 0);
		HttpResponse<String> login = new WebSession(this.port).get("/login");
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(new WebSession(this.port).get("/css/simboard.css").statusCode()).isEqualTo(200);
		List<String> bodies = new ArrayList<>();
		for (CompletableFuture<HttpResponse<String>> page : pages) {
			assertThat(page.get().statusCode()).isEqualTo(502);
			bodies.add(page.get().body());
		}
		// Whichever way the threads ran, each page says SigmaMind was slow, that too many
		// pages were waiting for it, or that the timeouts opened the breaker.
		assertThat(bodies).allMatch((body) -> body.contains("SigmaMind did not answer in time")
				|| body.contains("Too many pages are waiting for SigmaMind")
				|| body.contains("Simboard has paused its calls"));
		// Each agent page needs two calls, and a call that timed out is not tried again:
		// no call reached SigmaMind twice.
		assertThat(held.arrivedUrls()).doesNotHaveDuplicates();
	}

	@Test
	void metricsWhenPagesServedThenCountUpstreamCallsAndCacheUse() throws Exception {
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/agents")).willReturn(okJson(fixture("agents.json"))));
		this.session.get("/agents");
		this.session.get("/agents");
		assertThat(this.meters.get("simboard.sigmamind.calls")
			.tag("endpoint", "GET /v1/agents")
			.tag("outcome", "success")
			.timer()
			.count()).isPositive();
		assertThat(this.meters.get("cache.gets").tag("cache", "agents").tag("result", "hit").functionCounter().count())
			.isPositive();
		assertThat(this.meters.get("simboard.sigmamind.breaker.state").gauge().value()).isZero();
	}

	@Test
	void signInWhenPasswordWrongThenBackToLoginWithMessage() throws Exception {
		WebSession stranger = new WebSession(this.port);
		HttpResponse<String> answer = stranger.signIn("qa", "wrong");
		assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
		assertThat(stranger.follow(answer).body()).contains("did not match").doesNotContain("Demo mode");
	}

}
