package dev.simboard.history;

import java.net.http.HttpResponse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.simboard.FakeSigmaMindApp;
import dev.simboard.WebSession;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a history costs SigmaMind: the whole app, the real catalog and client, against a
 * fake SigmaMind that counts the calls.
 */
class HistoryCostTests extends FakeSigmaMindApp {

	static final String AGENT = "agent_cost";

	/** Batch runs the agent has; the history asks for fewer. */
	static final int BATCHES = 7;

	WebSession session;

	@BeforeEach
	void signIn() throws Exception {
		this.session = new WebSession(this.port);
		assertThat(this.session.signIn("qa", "secret").statusCode()).isEqualTo(302);
		stubAgent();
	}

	private static void stubAgent() {
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/agents/" + AGENT))
			.willReturn(okJson("{\"agentId\":\"" + AGENT + "\",\"agentName\":\"Cost Agent\"}")));
		StringBuilder list = new StringBuilder();
		for (int b = BATCHES; b >= 1; b--) {
			list.append((b < BATCHES) ? "," : "").append(batch(b));
			sigmaMind.stubFor(get(urlPathEqualTo("/v1/batch-runs/batch_" + b)).willReturn(okJson(batch(b))));
			String run = """
					{"batchId":"batch_%d","jobId":"job_%d","chatId":"chat_1",
					 "testCase":{"testCaseId":"tc_1","label":"Cancel","attempt":1},
					 "createdDate":"2026-03-0%dT10:00:00Z","completedDate":"2026-03-0%dT10:02:00Z",
					 "isSuccessful":%s,"remarks":"ok"}""".formatted(b, b, b, b, (b % 2 == 0) ? "true" : "false");
			sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs")).withQueryParam("batchId", equalTo("batch_" + b))
				.willReturn(okJson("{\"data\":[" + run + "],\"page\":0,\"totalPages\":1,\"hasNext\":false}")));
		}
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/batch-runs")).withQueryParam("agentId", equalTo(AGENT))
			.willReturn(okJson("{\"data\":[" + list + "],\"page\":0,\"size\":20,\"totalCount\":" + BATCHES
					+ ",\"totalPages\":1,\"hasNext\":false}")));
	}

	private static String batch(int b) {
		return """
				{"batchId":"batch_%d","agent":{"agentId":"%s","name":"Cost Agent"},
				 "createdDate":"2026-03-0%dT09:59:00Z",
				 "testCases":[{"testCaseId":"tc_1","label":"Cancel","attempt":1}],
				 "successfulAttempts":%d,"failedAttempts":%d,"totalAttempts":1}""".formatted(b, AGENT, b,
				(b % 2 == 0) ? 1 : 0, (b % 2 == 0) ? 0 : 1);
	}

	private static int calls(String pathRegex) {
		return sigmaMind.countRequestsMatching(getRequestedFor(urlPathMatching(pathRegex)).build()).getCount();
	}

	@Test
	void historyWhenColdThenOneListCallAndOneRunListPerBatchAndWhenWarmThenNone() throws Exception {
		HttpResponse<String> cold = this.session.get("/agents/" + AGENT + "/test-cases/tc_1?batches=5");
		assertThat(cold.statusCode()).isEqualTo(200);
		assertThat(cold.body()).contains("Cancel", "4 verdict changes");
		assertThat(calls("/v1/batch-runs")).as("batch list pages").isEqualTo(1);
		assertThat(calls("/v1/test-runs")).as("run lists").isEqualTo(5);
		assertThat(calls("/v1/batch-runs/batch_[0-9]+")).as("single batches the run lists are judged against")
			.isEqualTo(5);
		assertThat(calls("/v1/agents/" + AGENT)).as("the agent, for its name").isEqualTo(1);
		assertThat(sigmaMind.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount()).isEqualTo(12);
		assertThat(calls("/v1/batch-runs/batch_[12]")).as("older batches are not read").isZero();

		sigmaMind.resetRequests();
		HttpResponse<String> warm = this.session.get("/agents/" + AGENT + "/test-cases/tc_1?batches=5");
		assertThat(warm.body()).contains("4 verdict changes");
		HttpResponse<String> flaky = this.session.get("/agents/" + AGENT + "/flaky?batches=5");
		assertThat(flaky.body()).contains("Cancel");
		assertThat(sigmaMind.findAll(anyRequestedFor(anyUrl())).stream().map((r) -> r.getUrl()).toList())
			.as("a second history and the flaky list of the same batches")
			.isEmpty();
	}

	@Test
	void historyWhenSigmaMindGivesNoRunListThenSaysItDoesNotKnowRatherThanStable() throws Exception {
		// The failures open the breaker: run lists asked for after it are refused, and
		// are as unread.
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs")).willReturn(aResponse().withStatus(503)));
		HttpResponse<String> history = this.session.get("/agents/" + AGENT + "/test-cases/tc_1?batches=5");
		assertThat(history.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(history.body());
		assertThat(page.select(".failing-since").text()).isEqualTo("Unknown — no batch could be read");
		assertThat(page.select(".stability").text()).isEqualTo("Unknown");
		assertThat(page.select(".card.passed")).isEmpty();
		assertThat(page.text()).doesNotContain("Not failing", "Stable");

		Document flaky = Jsoup.parse(this.session.get("/agents/" + AGENT + "/flaky?batches=5").body());
		assertThat(flaky.select(".flaky-result .notice").text()).contains("which test cases are flaky is unknown");
		assertThat(flaky.select(".flaky-result details.unjudged a").eachText()).containsExactly("Cancel");
		assertThat(flaky.text()).doesNotContain("No flaky test case");
	}

}
