package dev.simboard;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
 * Simboard remembers: a finished run and batch read once are archived, and after a
 * restart on the same database their pages cost SigmaMind no call; when SigmaMind no
 * longer has a run, its page shows the archived copy and says so. Two real Simboards, one
 * after the other, on the local PostgreSQL and on the embedded H2 file.
 */
class ArchiveRestartTests {

	private static final String AGENT = "agent_restart1";

	private static final String BATCH = "batch_restart1";

	private static final String JOB = "job_restart1";

	private static final String OLD_JOB = "job_restart2";

	private static final String CHAT = "chat_restart2";

	private static final String RUN_PAGE = "/agents/" + AGENT + "/batches/" + BATCH + "/runs/" + JOB;

	private final WireMockServer sigmaMind = new WireMockServer(options().dynamicPort());

	private Simboards simboards;

	@BeforeEach
	void startSigmaMind() {
		this.sigmaMind.start();
		this.simboards = new Simboards(this.sigmaMind.baseUrl(), "qa", "VIEWER");
		this.sigmaMind.stubFor(get(anyUrl()).willReturn(okJson("{\"data\":[]}")));
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/agents/" + AGENT))
			.willReturn(okJson("{\"agentId\":\"" + AGENT + "\",\"name\":\"Restart Agent\"}")));
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/batch-runs/" + BATCH)).willReturn(okJson(batch())));
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs")).willReturn(okJson("{\"data\":[" + run(JOB, true)
				+ "," + run(OLD_JOB, false) + "],\"page\":0,\"size\":50,\"totalCount\":2,\"totalPages\":1}")));
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs/" + JOB)).willReturn(okJson(run(JOB, true))));
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs/" + OLD_JOB)).willReturn(okJson(run(OLD_JOB, false))));
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/chats/" + CHAT)).willReturn(okJson("{\"chatId\":\"" + CHAT
				+ "\",\"status\":\"ended\",\"messages\":[{\"role\":\"user\",\"content\":\"Where is my parcel?\"},"
				+ "{\"role\":\"assistant\",\"content\":\"It left the depot today.\"}]}")));
	}

	@AfterEach
	void stop() {
		this.simboards.close();
		this.sigmaMind.stop();
	}

	@Test
	void pagesWhenReadOnceThenAfterARestartOnPostgresCostNoCallToSigmaMind() throws Exception {
		restartCostsNoCall(LocalPostgres.database().arguments());
	}

	@Test
	void pagesWhenReadOnceThenAfterARestartOnTheEmbeddedFileCostNoCallToSigmaMind(@TempDir Path data) throws Exception {
		restartCostsNoCall("--simboard.data-dir=" + data);
	}

	private void restartCostsNoCall(String... database) throws Exception {
		ConfigurableApplicationContext first = this.simboards.start(database);
		Simboards.emptyArchive(first.getBean(DataSource.class));
		WebSession session = this.simboards.signedIn(first);
		assertThat(session.get("/agents/" + AGENT + "/batches/" + BATCH).statusCode()).isEqualTo(200);
		assertThat(session.get(RUN_PAGE).body()).contains("I want my money back");
		String oldRun = session.get("/agents/" + AGENT + "/batches/" + BATCH + "/runs/" + OLD_JOB).body();
		assertThat(oldRun).contains("It left the depot today.");
		JdbcClient jdbc = Simboards.archive(first);
		await().untilAsserted(() -> {
			assertThat(jdbc.sql("select count(*) from archived_run where chat_json is not null")
				.query(Integer.class)
				.single()).isEqualTo(1);
			assertThat(
					jdbc.sql("select count(*) from archived_batch where runs_archived").query(Integer.class).single())
				.isEqualTo(1);
		});
		first.close();

		this.sigmaMind.resetRequests();
		ConfigurableApplicationContext second = this.simboards.start(database);
		WebSession again = this.simboards.signedIn(second);
		assertThat(again.get(RUN_PAGE).body()).contains("I want my money back").contains("Refund flow");
		assertThat(again.get("/agents/" + AGENT + "/batches/" + BATCH + "/runs/" + OLD_JOB).body())
			.contains("It left the depot today.");
		assertThat(again.get("/agents/" + AGENT + "/batches/" + BATCH).body()).contains(JOB).contains(OLD_JOB);
		this.sigmaMind.verify(0, getRequestedFor(urlPathMatching("/v1/(test-runs|batch-runs/|chats/).*")));

		// SigmaMind forgets the run: a refresh asks it, and the archived copy stays.
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs/" + JOB))
			.willReturn(aResponse().withStatus(404).withBody("{\"message\":\"not found\"}")));
		String token = org.jsoup.Jsoup.parse(again.get(RUN_PAGE).body())
			.select("form#refresh-run input[name=_csrf]")
			.attr("value");
		assertThat(again.post(RUN_PAGE + "/refresh", "_csrf=" + token).statusCode()).isEqualTo(302);
		String gone = again.get(RUN_PAGE).body();
		assertThat(gone).contains("SigmaMind no longer has this run")
			.contains("From Simboard's archive")
			.contains("I want my money back");
	}

	private static String batch() {
		return "{\"batchId\":\"" + BATCH + "\",\"agent\":{\"agentId\":\"" + AGENT + "\",\"name\":\"Restart Agent\"},"
				+ "\"createdDate\":\"2026-11-20T10:00:00Z\",\"testCases\":[],\"successfulAttempts\":1,"
				+ "\"failedAttempts\":1,\"totalAttempts\":2}";
	}

	/**
	 * A finished run: of the newer dialect with its conversation, or the older with a
	 * chat.
	 */
	private static String run(String jobId, boolean newer) {
		String conversation = newer ? ",\"conversation\":[{\"role\":\"user\",\"content\":\"I want my money back\"},"
				+ "{\"role\":\"assistant\",\"content\":\"Refunded.\"}]" : "";
		return "{\"jobId\":\"" + jobId + "\",\"batchId\":\"" + BATCH + "\",\"agent\":{\"agentId\":\"" + AGENT
				+ "\"},\"testCase\":{\"testCaseId\":\"tc_refund\",\"label\":\"Refund flow\","
				+ "\"successCriteria\":\"Refunds politely\",\"attempt\":1},\"chatId\":\"" + (newer ? "chat_x" : CHAT)
				+ "\",\"createdDate\":\"2026-11-20T10:01:00Z\",\"completedDate\":\"2026-11-20T10:03:00Z\","
				+ "\"isSuccessful\":" + newer + ",\"remarks\":\"Judged.\"" + conversation + "}";
	}

}
