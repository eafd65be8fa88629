package dev.simboard;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.simboard.PinnedBatchUpstream.BATCH;
import static dev.simboard.PinnedBatchUpstream.BATCH_PAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Simboard killed with {@code kill -9} in the middle of archiving a pinned batch: the
 * packaged jar is started as its own process, pinned, killed once SigmaMind has let three
 * of five runs through, and started again on the same database; the archive it finds is
 * consistent and the work resumes where it stopped. On the local PostgreSQL and on the
 * embedded H2 file.
 */
class PinnedBaselineKillJarTests {

	private final PinnedBatchUpstream sigmaMind = new PinnedBatchUpstream();

	private final SimboardJars jars = new SimboardJars();

	@AfterEach
	void stop() {
		this.jars.close();
		this.sigmaMind.close();
	}

	@Test
	void pinWhenSimboardKilledMidwayOnPostgresThenTheNextStartFindsAConsistentArchiveAndResumes() throws Exception {
		LocalPostgres database = LocalPostgres.database();
		try (var pool = database.pool()) {
			killedMidwayThenResumed(() -> Simboards.emptyArchive(pool), database.arguments());
			JdbcClient archive = JdbcClient.create(pool);
			assertThat(archive.sql("select job_id from archived_run where batch_id = ?")
				.param(BATCH)
				.query(String.class)
				.list()).containsExactlyInAnyOrder("job_pin1", "job_pin2", "job_pin3", "job_pin4", "job_pin5");
			assertThat(archive.sql("select job_id from archived_run where chat_json is not null")
				.query(String.class)
				.list()).containsExactlyInAnyOrder("job_pin4", "job_pin5");
			// Every run has its texts once: a run and its texts are written together or
			// not at all.
			assertThat(archive
				.sql("select count(*) from archived_run r "
						+ "where not exists (select 1 from archived_text t where t.run_id = r.id)")
				.query(Long.class)
				.single()).isZero();
			assertThat(archive.sql("select state from batch_pin where batch_id = ?")
				.param(BATCH)
				.query(String.class)
				.single()).isEqualTo("archived");
		}
	}

	@Test
	void pinWhenSimboardKilledMidwayOnTheEmbeddedFileThenTheNextStartResumes(@TempDir Path data) throws Exception {
		killedMidwayThenResumed(() -> {
		}, "--simboard.data-dir=" + data);
	}

	/**
	 * @param emptyArchive empties the archive once the first Simboard made it (the
	 * PostgreSQL test database is shared by a test run's classes)
	 */
	private void killedMidwayThenResumed(Runnable emptyArchive, String... database) throws Exception {
		int firstPort = start(database);
		emptyArchive.run();
		WebSession session = signedIn(firstPort);
		PinnedBatchUpstream.pin(session);
		// As far as SigmaMind lets it go: every run, and no chat yet; and the batch and
		// its run list, which the batch page archives in the background, written too, so
		// the next start has them whatever the load on the machine.
		await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
			assertThat(this.sigmaMind.held()).isPositive();
			assertThat(session.get(BATCH_PAGE).body()).contains("Archiving: 3 of 5 runs");
			assertThat(Jsoup.parse(session.get("/admin").body())
				.select("dt:containsOwn(Waiting to be written) + dd")
				.text()).isEqualTo("0");
		});
		SimboardJars.kill(this.jars.processes().get(0));
		this.sigmaMind.answerChatsAtOnce();

		int secondPort = start(database);
		WebSession again = signedIn(secondPort);
		await().atMost(Duration.ofMinutes(1))
			.untilAsserted(() -> assertThat(again.get(BATCH_PAGE).body()).contains("release 2.3")
				.contains("All 5 runs archived"));
		this.sigmaMind.verifyOnlyTheMissingChatsWereFetched();
	}

	/** Starts the packaged jar as its own process; returns its port once it serves. */
	private int start(String... database) throws Exception {
		List<String> settings = new ArrayList<>(List.of("--simboard.sigmamind.base-url=" + this.sigmaMind.baseUrl(),
				"--simboard.sigmamind.api-key=kill-key", "--simboard.security.users[0].name=lead",
				"--simboard.security.users[0].password={noop}secret", "--simboard.security.users[0].roles=ADMIN",
				// However slow a loaded machine makes the archive, a page waits for it:
				// the test counts SigmaMind's calls.
				"--simboard.archive.read-limit=2m"));
		settings.addAll(List.of(database));
		return this.jars.start(settings);
	}

	private static WebSession signedIn(int port) throws Exception {
		WebSession session = new WebSession(port);
		assertThat(session.signIn("lead", "secret").statusCode()).isEqualTo(302);
		return session;
	}

}
