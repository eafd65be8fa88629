package dev.simboard.security;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.simboard.FakeSigmaMindApp;
import dev.simboard.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole app, signed in for real, against a fake SigmaMind whose every text is
 * hostile, with a canary API key, and the log at DEBUG where the key could leak.
 */
@ExtendWith(OutputCaptureExtension.class)
class HardeningTests extends FakeSigmaMindApp {

	static final String CANARY = API_KEY;

	static final String AGENT = "agent_x";

	static final String BATCH = "batch_x";

	static final String RUN_URL = "/agents/" + AGENT + "/batches/" + BATCH + "/runs/job_x";

	static final String XSS = "<img src=x onerror=alert(1)>";

	@Autowired
	LoggingSystem logging;

	@BeforeEach
	void stubHostileSigmaMind() throws Exception {
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/agents")).willReturn(okJson(fixture("agents.json"))));
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/agents/" + AGENT)).willReturn(okJson(fixture("agent.json"))));
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/batch-runs")).willReturn(okJson(fixture("batches.json"))));
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/batch-runs/" + BATCH)).willReturn(okJson(fixture("batch.json"))));
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs")).willReturn(okJson(fixture("runs.json"))));
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs/job_x")).willReturn(okJson(fixture("run.json"))));
	}

	private static String fixture(String name) throws Exception {
		try (var in = HardeningTests.class.getResourceAsStream("HardeningTests-" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@XSS@", XSS.replace("\"", "\\\""));
		}
	}

	private WebSession signedIn(String user, String password) throws Exception {
		WebSession session = new WebSession(this.port);
		assertThat(session.signIn(user, password).headers().firstValue("Location").orElseThrow())
			.doesNotContain("error");
		return session;
	}

	@Test
	void canaryKeyAppearsInNoPageHeaderActuatorEndpointOrLogLine(CapturedOutput output) throws Exception {
		// DEBUG for this test only, set at run time: a start-up setting would give the
		// class a Spring context of its own, and other tests count log lines.
		LogLevel level = this.logging.getLoggerConfiguration(LoggingSystem.ROOT_LOGGER_NAME).getConfiguredLevel();
		this.logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.DEBUG);
		try {
			visitEveryKindOfPageWithTheCanaryKey(output);
		}
		finally {
			this.logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, level);
		}
	}

	private void visitEveryKindOfPageWithTheCanaryKey(CapturedOutput output) throws Exception {
		WebSession viewer = signedIn("qa", "secret");
		WebSession admin = signedIn("boss", "secret2");
		WebSession anonymous = new WebSession(this.port);
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs/job_down")).willReturn(aResponse().withStatus(503)));
		List<HttpResponse<String>> pages = List.of(viewer.get("/agents"), viewer.get("/agents/" + AGENT),
				viewer.get("/agents/" + AGENT + "/batches/" + BATCH), viewer.get(RUN_URL), anonymous.get("/login"),
				admin.get("/admin"), viewer.get("/agents/a;b"), viewer.get("/admin"), viewer.get("/nowhere"),
				viewer.get("/agents/" + AGENT + "/batches/" + BATCH + "/runs/job_down"),
				anonymous.get("/actuator/health"), admin.get("/actuator/health"), admin.get("/actuator/info"),
				admin.get("/actuator/metrics"), admin.get("/actuator/metrics/simboard.sigmamind.calls"));
		assertThat(pages).extracting(HttpResponse::statusCode)
			.containsExactly(200, 200, 200, 200, 200, 200, 400, 403, 404, 502, 200, 200, 200, 200, 200);
		for (HttpResponse<String> page : pages) {
			assertThat(page.body()).doesNotContain(CANARY);
			assertThat(page.headers().map().toString()).doesNotContain(CANARY);
		}
		assertThat(pages.get(5).body()).contains("••••" + CANARY.substring(CANARY.length() - 4));
		assertThat(output.getAll()).contains("DEBUG").doesNotContain(CANARY);
		// The key did go upstream: the test would be hollow otherwise.
		sigmaMind.verify(anyRequestedFor(anyUrl()).withHeader("X-API-Key",
				com.github.tomakehurst.wiremock.client.WireMock.equalTo(CANARY)));
	}

	@Test
	void upstreamTextWithMarkupRendersAsTextOnEveryPage() throws Exception {
		WebSession viewer = signedIn("qa", "secret");
		for (String path : List.of("/agents", "/agents/" + AGENT, "/agents/" + AGENT + "/batches/" + BATCH, RUN_URL)) {
			String body = viewer.get(path).body();
			assertThat(body).as(path).doesNotContain(XSS).doesNotContain("<img");
			assertThat(Jsoup.parse(body).select("img, script:not([src])")).as(path).isEmpty();
		}
		String run = viewer.get(RUN_URL).body();
		// Every text field of the run came back escaped: label, criteria, remarks,
		// prompt,
		// mock data name and value, and the transcript.
		assertThat(run.split("&lt;img src=x onerror=alert\\(1\\)&gt;", -1)).hasSizeGreaterThanOrEqualTo(8);
	}

	@Test
	void securityHeadersOnPagesErrorPagesAndLogin() throws Exception {
		WebSession viewer = signedIn("qa", "secret");
		for (HttpResponse<String> response : List.of(viewer.get("/agents"), viewer.get("/nowhere"),
				viewer.get("/agents/a;b"), new WebSession(this.port).get("/login"))) {
			String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
			assertThat(csp).as(response.uri().toString())
				.contains("default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'");
			assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		}
	}

	@Test
	void robotsWhenSignedOutThenPublicAndDisallowsEverything() throws Exception {
		HttpResponse<String> robots = new WebSession(this.port).get("/robots.txt");
		assertThat(robots.statusCode()).isEqualTo(200);
		assertThat(robots.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
		assertThat(robots.body()).contains("User-agent: *").contains("Disallow: /");
	}

	@Test
	void textAnswersWhenTheClientAcceptsGzipThenCompressedAndWhenNotThenPlain() throws Exception {
		WebSession viewer = signedIn("qa", "secret");
		String css = Jsoup.parse(viewer.get("/agents").body()).select("link[rel=stylesheet]").attr("href");
		// The run page twice: rendered, then sent as kept.
		for (String path : List.of(RUN_URL, RUN_URL, "/agents", css)) {
			HttpResponse<byte[]> gzipped = viewer.getBytes(path, "Accept-Encoding", "gzip, deflate, br");
			assertThat(gzipped.statusCode()).as(path).isEqualTo(200);
			assertThat(gzipped.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
			String text = new String(new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes(),
					StandardCharsets.UTF_8);
			HttpResponse<String> plain = viewer.get(path);
			assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
			assertThat(text.length()).as(path).isGreaterThan(gzipped.body().length * 2);
			if (path.equals(RUN_URL)) {
				// Sent whole, with its length: compressed by Simboard, not streamed by
				// Tomcat.
				assertThat(gzipped.headers().firstValue("Content-Length")).as(path)
					.hasValue(String.valueOf(gzipped.body().length));
			}
			if (!path.equals(css)) {
				assertThat(text).startsWith("<!DOCTYPE html>").contains("id=\"signout\"").endsWith("</html>\n");
			}
		}
	}

	@Test
	void postsWithoutOrWithWrongCsrfTokenAreForbidden() throws Exception {
		WebSession viewer = signedIn("qa", "secret");
		String refresh = "/agents/" + AGENT + "/batches/" + BATCH + "/refresh";
		assertThat(viewer.post(refresh, "").statusCode()).isEqualTo(403);
		assertThat(viewer.post(refresh, "_csrf=not-the-token").statusCode()).isEqualTo(403);
		assertThat(viewer.post("/logout", "").statusCode()).isEqualTo(403);
		String token = Jsoup.parse(viewer.get("/agents/" + AGENT + "/batches/" + BATCH).body())
			.select("form.refresh input[name=_csrf]")
			.attr("value");
		assertThat(viewer.post(refresh, "_csrf=" + token).statusCode()).isEqualTo(302);
	}

	@Test
	void signInWhenFormComesFromAnExpiredSessionThenBackToLoginSayingSo() throws Exception {
		String token = Jsoup.parse(new WebSession(this.port).get("/login").body())
			.select("input[name=_csrf]")
			.attr("value");
		// The session the form was made in has expired: the browser still names it.
		WebSession user = new WebSession(this.port);
		HttpResponse<String> answer = user.post("/login", "username=qa&password=secret&_csrf=" + token, "Cookie",
				"JSESSIONID=0123456789ABCDEF0123456789ABCDEF");
		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
		assertThat(user.follow(answer).body()).contains("Your sign-in page had expired; please sign in again");
	}

	@Test
	void formWhenTokenGarbledOrForgedThenForbiddenPageNotServerError() throws Exception {
		WebSession stranger = new WebSession(this.port);
		stranger.get("/login");
		// The right length for a token, but its two halves give bytes that are not UTF-8.
		byte[] bytes = new byte[72];
		java.util.Arrays.fill(bytes, 36, 72, (byte) 0xFF);
		String garbled = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		for (String path : List.of("/login", "/logout")) {
			for (String token : List.of(garbled, "forged")) {
				HttpResponse<String> answer = stranger.post(path, "username=qa&password=x&_csrf=" + token);
				assertThat(answer.statusCode()).as(path + " " + token).isEqualTo(403);
				assertThat(answer.body()).contains("That form was not accepted").doesNotContain("You are signed in");
			}
		}
		assertThat(signedIn("qa", "secret").post("/logout", "_csrf=" + garbled).statusCode()).isEqualTo(403);
	}

	@Test
	void logoutWhenOpenedByAddressThenPageWithSignOutButton() throws Exception {
		WebSession user = signedIn("qa", "secret");
		HttpResponse<String> page = user.get("/logout");
		assertThat(page.statusCode()).isEqualTo(200);
		Document form = Jsoup.parse(page.body());
		assertThat(form.select("main form[action=/logout][method=post] button").text()).isEqualTo("Sign out");
		assertThat(form.select("main form[action=/logout] input[name=_csrf]").attr("value")).isNotEmpty();
	}

	@Test
	void logoutWhenSignedOutThenSessionCookieCleared() throws Exception {
		WebSession user = signedIn("qa", "secret");
		String token = Jsoup.parse(user.get("/agents").body()).select("form#signout input[name=_csrf]").attr("value");
		HttpResponse<String> answer = user.post("/logout", "_csrf=" + token);
		assertThat(answer.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID=;").contains("Expires=Thu, 01 Jan 1970"));
		assertThat(user.cookie("JSESSIONID")).isNull();
	}

	@Test
	void logoutOnlyByPostAndSessionIdChangesAtSignIn() throws Exception {
		WebSession session = new WebSession(this.port);
		session.get("/login");
		String before = session.cookie("JSESSIONID");
		session.signIn("qa", "secret");
		assertThat(session.cookie("JSESSIONID")).isNotNull().isNotEqualTo(before);
		assertThat(session.get("/logout").statusCode()).isNotEqualTo(302);
		assertThat(session.get("/agents").statusCode()).isEqualTo(200);
		String token = Jsoup.parse(session.get("/agents").body())
			.select("form#signout input[name=_csrf]")
			.attr("value");
		assertThat(session.post("/logout", "_csrf=" + token).headers().firstValue("Location").orElseThrow())
			.endsWith("/login?logout");
		assertThat(session.get("/agents").statusCode()).isEqualTo(302);
	}

	@Test
	void sixthWrongPasswordLocksTheUsernameEvenForTheRightPassword() throws Exception {
		WebSession attacker = new WebSession(this.port);
		for (int i = 0; i < 5; i++) {
			assertThat(attacker.signIn("qa", "guess" + i).headers().firstValue("Location").orElseThrow())
				.endsWith("/login?error");
		}
		assertThat(new WebSession(this.port).signIn("qa", "secret").headers().firstValue("Location").orElseThrow())
			.endsWith("/login?error");
		// An unknown username gets exactly the same answers.
		for (int i = 0; i < 6; i++) {
			assertThat(attacker.signIn("nobody", "guess").headers().firstValue("Location").orElseThrow())
				.endsWith("/login?error");
		}
		this.clock.advance(Duration.ofMinutes(6));
		assertThat(new WebSession(this.port).signIn("qa", "secret").headers().firstValue("Location").orElseThrow())
			.doesNotContain("error");
	}

	@Test
	void actuatorHealthIsOpenWithoutDetailsAndTheRestNeedsAdmin() throws Exception {
		WebSession anonymous = new WebSession(this.port);
		HttpResponse<String> health = anonymous.get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\"").doesNotContain("components", "details");
		assertThat(anonymous.get("/actuator/metrics").statusCode()).isEqualTo(302);
		WebSession viewer = signedIn("qa", "secret");
		assertThat(viewer.get("/actuator/metrics").statusCode()).isEqualTo(403);
		assertThat(viewer.get("/admin").statusCode()).isEqualTo(403);
		WebSession admin = signedIn("boss", "secret2");
		assertThat(admin.get("/actuator/env").statusCode()).isEqualTo(404);
		assertThat(admin.get("/actuator/configprops").statusCode()).isEqualTo(404);
		assertThat(admin.get("/actuator/health").body()).contains("components");
	}

	@Test
	void adminPageEmptiesCachesWithCsrf() throws Exception {
		WebSession admin = signedIn("boss", "secret2");
		admin.get("/agents");
		HttpResponse<String> page = admin.get("/admin");
		assertThat(page.body()).contains("answered in", "CLOSED", "agents")
			.contains("<h2>Archive</h2>", "(embedded) in ", "Waiting to be written", "kept for good");
		String token = Jsoup.parse(page.body()).select("form[action$=clear] input[name=_csrf]").attr("value");
		assertThat(admin.post("/admin/caches/clear", "_csrf=" + token).statusCode()).isEqualTo(302);
		assertThat(admin.get("/admin").body()).contains("Caches emptied");
	}

	@Test
	void hostileIdsGetBadRequestAndNeverReachSigmaMind() throws Exception {
		WebSession viewer = signedIn("qa", "secret");
		sigmaMind.resetRequests();
		String batch = "/agents/" + AGENT + "/batches/";
		for (String id : List.of("..", "%2e%2e%2f", "%252e", "..;", "..;%2f", "%00", "%5C", "a%5Cb", "@evil.com",
				"%EF%BC%8E%EF%BC%8E", "a".repeat(10_000), "a%20b", "%3Cscript%3E")) {
			for (String path : List.of("/agents/" + id, batch + id, batch + BATCH + "/runs/" + id)) {
				HttpResponse<String> page = viewer.get(path);
				assertThat(page.statusCode()).as(path).isEqualTo(400);
				assertThat(page.body()).as(path).contains("Simboard");
			}
		}
		assertThat(viewer.get("/agents//evil.com").statusCode()).isEqualTo(400);
		assertThat(viewer.get(batch + BATCH + "/runs?jobId=%2F%2Fevil.com").statusCode()).isEqualTo(400);
		sigmaMind.verify(0, anyRequestedFor(anyUrl()));
	}

}
