package dev.simboard;

import java.time.Duration;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.jsoup.Jsoup;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fake SigmaMind with one finished batch of five runs, for the tests that stop a
 * Simboard in the middle of archiving it as a pinned baseline: three runs of the newer
 * dialect, and two of the older whose chats SigmaMind holds back (see
 * {@link HeldAnswers}) until {@link #answerChatsAtOnce()}, so the first Simboard gets as
 * far as three of five and no further.
 */
final class PinnedBatchUpstream implements AutoCloseable {

	static final String AGENT = "agent_pinrestart";

	static final String BATCH = "batch_pinrestart";

	static final String BATCH_PAGE = "/agents/" + AGENT + "/batches/" + BATCH;

	private final HeldAnswers held = new HeldAnswers();

	private final WireMockServer sigmaMind = new WireMockServer(options().dynamicPort().extensions(this.held));

	PinnedBatchUpstream() {
		this.sigmaMind.start();
		this.sigmaMind.stubFor(get(anyUrl()).willReturn(okJson("{\"data\":[]}")));
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/agents/" + AGENT))
			.willReturn(okJson("{\"agentId\":\"" + AGENT + "\",\"name\":\"Pin Agent\"}")));
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/batch-runs/" + BATCH))
			.willReturn(okJson("{\"batchId\":\"" + BATCH + "\",\"agent\":{\"agentId\":\"" + AGENT + "\"},"
					+ "\"createdDate\":\"2026-11-20T10:00:00Z\",\"testCases\":[],\"successfulAttempts\":5,"
					+ "\"failedAttempts\":0,\"totalAttempts\":5}")));
		List<String> runs = List.of(run("job_pin1", true), run("job_pin2", true), run("job_pin3", true),
				run("job_pin4", false), run("job_pin5", false));
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs")).willReturn(okJson("{\"data\":["
				+ String.join(",", runs) + "],\"page\":0,\"size\":100,\"totalCount\":5,\"totalPages\":1}")));
		stubChats(true);
	}

	/** Its base URL. */
	String baseUrl() {
		return this.sigmaMind.baseUrl();
	}

	/** How many calls it holds back now. */
	int held() {
		return this.held.arrived();
	}

	/**
	 * From now on the chats answer at once, and the calls so far are forgotten; those
	 * held stay held (and uncounted) until {@link #close()}.
	 */
	void answerChatsAtOnce() {
		stubChats(false);
		this.sigmaMind.resetRequests();
	}

	/** Pins the batch as "release 2.3" from its page, as a lead's browser would. */
	static void pin(WebSession session) throws Exception {
		// On a loaded machine the first batch page may give up waiting for SigmaMind and
		// offer no form: the next has the run list cached.
		String[] token = new String[1];
		await().atMost(Duration.ofMinutes(1)).until(() -> {
			token[0] = Jsoup.parse(session.get(BATCH_PAGE).body())
				.select("form.pin-form input[name=_csrf]")
				.attr("value");
			return !token[0].isEmpty();
		});
		assertThat(session.post(BATCH_PAGE + "/pin", "_csrf=" + token[0] + "&name=release+2.3").statusCode())
			.isEqualTo(302);
	}

	/**
	 * Since {@link #answerChatsAtOnce()}: each chat was asked for once, and neither the
	 * batch nor its run list again.
	 */
	void verifyOnlyTheMissingChatsWereFetched() {
		this.sigmaMind.verify(1, getRequestedFor(urlPathEqualTo("/v1/chats/chat_pin4")));
		this.sigmaMind.verify(1, getRequestedFor(urlPathEqualTo("/v1/chats/chat_pin5")));
		this.sigmaMind.verify(0, getRequestedFor(urlPathMatching("/v1/(test-runs|batch-runs/).*")));
	}

	@Override
	public void close() {
		this.held.release();
		this.sigmaMind.stop();
	}

	/** The two chats; held, they are answered only once the test ends. */
	private void stubChats(boolean held) {
		for (String chat : List.of("chat_pin4", "chat_pin5")) {
			this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/chats/" + chat)).willReturn(okJson("{\"chatId\":\"" + chat
					+ "\",\"status\":\"ended\",\"messages\":[{\"role\":\"user\",\"content\":\"Where is my parcel?\"}]}")
				.withTransformers(held ? new String[] { HeldAnswers.NAME } : new String[0])));
		}
	}

	/**
	 * A finished run: of the newer dialect with its conversation, or the older with a
	 * chat.
	 */
	private static String run(String jobId, boolean newer) {
		String conversation = newer ? ",\"conversation\":[{\"role\":\"user\",\"content\":\"I want my money back\"}]"
				: "";
		return "{\"jobId\":\"" + jobId + "\",\"batchId\":\"" + BATCH + "\",\"agent\":{\"agentId\":\"" + AGENT
				+ "\"},\"testCase\":{\"testCaseId\":\"tc_" + jobId + "\",\"label\":\"Refund flow\",\"attempt\":1},"
				+ "\"chatId\":\"chat_" + jobId.substring("job_".length()) + "\","
				+ "\"createdDate\":\"2026-11-20T10:01:00Z\",\"completedDate\":\"2026-11-20T10:03:00Z\","
				+ "\"isSuccessful\":true,\"remarks\":\"Judged.\"" + conversation + "}";
	}

}
