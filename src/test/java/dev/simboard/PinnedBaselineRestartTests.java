package dev.simboard;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

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
 * A pinned baseline survives a restart in the middle of archiving it: a first Simboard is
 * stopped while SigmaMind holds back the chats of the batch's older-dialect runs, and a
 * second one on the same database finishes the work without reading the run list again.
 * Two real Simboards, one after the other, on the local PostgreSQL and on the embedded H2
 * file.
 */
class PinnedBaselineRestartTests {

	private static final String AGENT = "agent_pinrestart";

	private static final String BATCH = "batch_pinrestart";

	private static final String BATCH_PAGE = "/agents/" + AGENT + "/batches/" + BATCH;

	private final HeldAnswers held = new HeldAnswers();

	private final WireMockServer sigmaMind = new WireMockServer(options().dynamicPort().extensions(this.held));

	private Simboards simboards;

	@BeforeEach
	void startSigmaMind() {
		this.sigmaMind.start();
		this.simboards = new Simboards(this.sigmaMind.baseUrl(), "lead", "ADMIN");
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

	/** The two chats; held, they are answered only once the test ends. */
	private void stubChats(boolean held) {
		for (String chat : List.of("chat_pin4", "chat_pin5")) {
			this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/chats/" + chat)).willReturn(okJson("{\"chatId\":\"" + chat
					+ "\",\"status\":\"ended\",\"messages\":[{\"role\":\"user\",\"content\":\"Where is my parcel?\"}]}")
				.withTransformers(held ? new String[] { HeldAnswers.NAME } : new String[0])));
		}
	}

	@AfterEach
	void stop() {
		this.held.release();
		this.simboards.close();
		this.sigmaMind.stop();
	}

	@Test
	void pinWhenSimboardStopsMidwayOnPostgresThenTheNextStartFinishesArchiving() throws Exception {
		LocalPostgres database = LocalPostgres.database();
		stoppedMidwayThenResumed("--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.username());
	}

	@Test
	void pinWhenSimboardStopsMidwayOnTheEmbeddedFileThenTheNextStartFinishesArchiving(@TempDir Path data)
			throws Exception {
		stoppedMidwayThenResumed("--simboard.data-dir=" + data);
	}

	private void stoppedMidwayThenResumed(String... database) throws Exception {
		ConfigurableApplicationContext first = this.simboards.start(database);
		Simboards.emptyArchive(first.getBean(DataSource.class));
		WebSession session = this.simboards.signedIn(first);
		String token = org.jsoup.Jsoup.parse(session.get(BATCH_PAGE).body())
			.select("form.pin-form input[name=_csrf]")
			.attr("value");
		assertThat(session.post(BATCH_PAGE + "/pin", "_csrf=" + token + "&name=release+2.3").statusCode())
			.isEqualTo(302);
		// As far as SigmaMind lets it go: every run, and no chat yet.
		JdbcClient firstArchive = Simboards.archive(first);
		await().untilAsserted(() -> {
			assertThat(this.held.arrived()).isPositive();
			assertThat(pin(firstArchive)).containsEntry("runs_known", 5)
				.containsEntry("runs_archived", 3)
				.containsEntry("state", "archiving");
		});
		assertThat(session.get(BATCH_PAGE).body()).contains("Archiving: 3 of 5 runs");
		first.close();
		// The first Simboard's calls stay held (and uncounted) until the test ends; the
		// next one's chats answer at once.
		stubChats(false);
		this.sigmaMind.resetRequests();

		ConfigurableApplicationContext second = this.simboards.start(database);
		JdbcClient secondArchive = Simboards.archive(second);
		await().untilAsserted(() -> assertThat(pin(secondArchive)).containsEntry("runs_known", 5)
			.containsEntry("runs_archived", 5)
			.containsEntry("state", "archived"));
		assertThat(secondArchive.sql("select job_id from archived_run where chat_json is not null")
			.query(String.class)
			.list()).containsExactlyInAnyOrder("job_pin4", "job_pin5");
		this.sigmaMind.verify(1, getRequestedFor(urlPathEqualTo("/v1/chats/chat_pin4")));
		this.sigmaMind.verify(1, getRequestedFor(urlPathEqualTo("/v1/chats/chat_pin5")));
		this.sigmaMind.verify(0, getRequestedFor(urlPathMatching("/v1/(test-runs|batch-runs/).*")));
		String page = this.simboards.signedIn(second).get(BATCH_PAGE).body();
		assertThat(page).contains("release 2.3").contains("All 5 runs archived");
	}

	private static Map<String, Object> pin(JdbcClient archive) {
		return archive.sql("select runs_known, runs_archived, state from batch_pin where batch_id = ?")
			.param(BATCH)
			.query()
			.singleRow();
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
