package dev.simboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.simboard.pagecache.Seals;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
@ExtendWith(OutputCaptureExtension.class)
class ArchiveRestartTests {

	private static final String AGENT = "agent_restart1";

	private static final String BATCH = "batch_restart1";

	private static final String JOB = "job_restart1";

	private static final String OLD_JOB = "job_restart2";

	private static final String CHAT = "chat_restart2";

	private static final String RUN_PAGE = "/agents/" + AGENT + "/batches/" + BATCH + "/runs/" + JOB;

	private final WireMockServer sigmaMind = new WireMockServer(options().dynamicPort());

	private Simboards simboards;

	private final List<AutoCloseable> closing = new ArrayList<>();

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
	void stop() throws Exception {
		for (AutoCloseable closeable : this.closing) {
			closeable.close();
		}
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

	/**
	 * A finished run's body, rendered once, is kept with the archived run: a restarted
	 * Simboard sends the kept one (here one sealed anew with a mark, so it can be told
	 * apart), and one changed in the database without its seal is never sent. On the
	 * local PostgreSQL only: what is kept is the same SQL on both databases
	 * (ArchiveTests), and three starts are enough for one database. Needs the build
	 * information the Maven build writes, as a packaged Simboard has.
	 */
	@Test
	void runBodyWhenKeptWithTheArchivedRunThenARestartSendsItAndNeverOneItsSealDoesNotVouchFor(CapturedOutput log)
			throws Exception {
		LocalPostgres postgres = LocalPostgres.database();
		String[] database = postgres.arguments();
		ConfigurableApplicationContext first = this.simboards.start(database);
		Simboards.emptyArchive(first.getBean(DataSource.class));
		assertThat(this.simboards.signedIn(first).get(RUN_PAGE).body()).contains("I want my money back");
		// A pool of the test's own: each Simboard's closes with it.
		HikariDataSource pool = postgres.pool();
		this.closing.add(pool);
		JdbcClient jdbc = JdbcClient.create(pool);
		await().untilAsserted(() -> assertThat(keptBody(jdbc)).contains("I want my money back"));
		first.close();
		this.sigmaMind.resetRequests();

		// Sealed as Simboard seals, with the SigmaMind key every Simboard here has.
		String renderedFrom = jdbc.sql("select rendered_from from rendered_body").query(String.class).single();
		String marked = keptBody(jdbc).replace("I want my money back", "I want my money back (kept body)");
		jdbc.sql("update rendered_body set html = ?, seal = ?")
			.param(marked)
			.param(Seals.seal("restart-key", renderedFrom, JOB, marked))
			.update();
		ConfigurableApplicationContext second = this.simboards.start(database);
		assertThat(this.simboards.signedIn(second).get(RUN_PAGE).body()).contains("I want my money back (kept body)")
			.contains("Refund flow");
		second.close();

		// Changed without its seal: rendered afresh from the archived run, and kept anew.
		jdbc.sql("update rendered_body set html = ?")
			.param(keptBody(jdbc).replace("I want my money back (kept body)", "<b id=\"planted\">Planted</b>"))
			.update();
		ConfigurableApplicationContext third = this.simboards.start(database);
		String page = this.simboards.signedIn(third).get(RUN_PAGE).body();
		assertThat(page).contains("I want my money back").doesNotContain("planted").doesNotContain("(kept body)");
		await()
			.untilAsserted(() -> assertThat(keptBody(jdbc)).contains("I want my money back").doesNotContain("planted"));
		assertThat(log.getOut().lines().filter((line) -> line.contains("did not match its seal"))).singleElement()
			.asString()
			.contains("WARN")
			.contains(JOB);
		assertThat(log.getOut()).doesNotContain("\tat dev.simboard");
		this.sigmaMind.verify(0, getRequestedFor(urlPathEqualTo("/v1/test-runs/" + JOB)));
	}

	private static String keptBody(JdbcClient jdbc) {
		return jdbc.sql("select html from rendered_body").query(String.class).optional().orElse("");
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
