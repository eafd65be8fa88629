package dev.simboard;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The log on a bad day: SigmaMind down, a visitor asking for what does not exist or
 * mistyping an address, forged forms. Each expected failure is one WARN line without a
 * stack trace, and a flood of them is a handful of lines, however many requests come. A
 * breaker that opens after two failures, and a clock that stands still unless a test
 * moves it.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuietLogTests extends FakeSigmaMindApp {

	/**
	 * Lines two hundred requests of one kind may add: a few kinds, one line each, and
	 * room for a late line of an earlier test's calls; far below one line a request.
	 */
	static final int FEW = 20;

	@Test
	void logWhenBreakerOpenThenTwoHundredUncachedPagesAddAFewLinesAndNoStackTrace(CapturedOutput output)
			throws Exception {
		sigmaMind.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));
		WebSession user = signedIn();
		assertThat(user.get("/agents").statusCode()).isEqualTo(502);
		// The page may have given up before the retries ended: their failures open it.
		await().until(() -> breakerState() == 1.0);
		int upstreamCalls = sigmaMind.findAll(anyRequestedFor(anyUrl())).size();
		int before = output.getAll().length();
		for (int i = 0; i < 200; i++) {
			HttpResponse<String> page = user.get("/agents/agent_" + i);
			assertThat(page.statusCode()).isEqualTo(502);
			assertThat(page.body()).contains("paused its calls");
		}
		assertQuiet(output.getAll().substring(before));
		assertThat(sigmaMind.findAll(anyRequestedFor(anyUrl()))).hasSize(upstreamCalls);
	}

	@Test
	void logWhenTwoHundredUnknownIdsThenAFewLinesAndNoStackTrace(CapturedOutput output) throws Exception {
		sigmaMind.stubFor(get(urlPathMatching("/v1/.*")).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"Not Found\",\"status\":404}")));
		WebSession user = signedIn();
		int before = output.getAll().length();
		for (int i = 0; i < 200; i++) {
			assertThat(user.get("/agents/agent_unknown_" + i).statusCode()).isEqualTo(404);
			assertThat(user.get("/agents/agent_x/batches/batch_x/runs/job_unknown_" + i).statusCode()).isEqualTo(404);
		}
		assertQuiet(output.getAll().substring(before));
	}

	@Test
	void logWhenTwoHundredMalformedIdsThenBadRequestPagesAFewLinesAndNoStackTrace(CapturedOutput output)
			throws Exception {
		WebSession user = signedIn();
		int before = output.getAll().length();
		for (int i = 0; i < 200; i++) {
			HttpResponse<String> path = user.get("/agents/agent." + i);
			assertThat(path.statusCode()).isEqualTo(400);
			assertThat(path.body()).contains("The agent ID in this address must be a SigmaMind ID");
			HttpResponse<String> query = user.get("/agents/agent_1/batches/batch_1/runs?jobId=job." + i);
			assertThat(query.statusCode()).isEqualTo(400);
			assertThat(query.body()).contains("In this address, jobId must be a SigmaMind ID");
		}
		assertQuiet(output.getAll().substring(before));
		assertThat(sigmaMind.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void logWhenTwoHundredForgedCsrfTokensThenForbiddenAndAFewLines(CapturedOutput output) throws Exception {
		Random random = new Random(42);
		int before = output.getAll().length();
		for (int i = 0; i < 200; i++) {
			WebSession stranger = new WebSession(this.port);
			if (i % 2 == 0) {
				// With the session a login page starts, and without one.
				stranger.get("/login");
			}
			String path = (i % 4 < 2) ? "/login" : "/logout";
			HttpResponse<String> answer = stranger.post(path, "username=qa&password=x&_csrf=" + forged(random, i));
			assertThat(answer.statusCode()).as(path + " with token " + i).isEqualTo(403);
			assertThat(answer.body()).contains("That form was not accepted");
		}
		assertQuiet(output.getAll().substring(before));
	}

	@Test
	void logWhenRateLimitedThenPagesDuringThePauseAddAFewLinesAndSummaryComesAMinuteLater(CapturedOutput output)
			throws Exception {
		sigmaMind.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "300")));
		WebSession user = signedIn();
		int before = output.getAll().length();
		for (int i = 0; i < 200; i++) {
			assertThat(user.get("/agents/agent_" + i).statusCode()).isEqualTo(503);
		}
		assertQuiet(output.getAll().substring(before));
		// The first page's two calls went out together; none after the 429.
		assertThat(sigmaMind.findAll(anyRequestedFor(anyUrl()))).hasSizeLessThanOrEqualTo(2);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(user.get("/agents/agent_last").statusCode()).isEqualTo(503);
		assertThat(output.getAll().substring(before)).containsPattern("more like it in the last minute");
	}

	private WebSession signedIn() throws Exception {
		WebSession user = new WebSession(this.port);
		assertThat(user.signIn("qa", "secret").statusCode()).isEqualTo(302);
		return user;
	}

	/** Tokens of every shape: garbage, the right length but not decodable, empty. */
	private static String forged(Random random, int i) {
		byte[] bytes = new byte[(i % 3 == 0) ? 72 : 16 + i % 50];
		random.nextBytes(bytes);
		String token = switch (i % 5) {
			case 0 -> "";
			case 1 -> "not base64 at all!";
			default -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		};
		return java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static void assertQuiet(String log) {
		List<String> lines = log.lines().toList();
		assertThat(lines).as(log).hasSizeLessThanOrEqualTo(FEW);
		assertThat(lines).as(log).noneMatch((line) -> line.startsWith("\tat ") || line.contains("Exception"));
		assertThat(lines).as(log).noneMatch((line) -> line.contains(" ERROR "));
	}

}
