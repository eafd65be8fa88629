package dev.simboard;

import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.simboard.PinnedBatchUpstream.BATCH;
import static dev.simboard.PinnedBatchUpstream.BATCH_PAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A pinned baseline survives a restart in the middle of archiving it: a first Simboard is
 * stopped while SigmaMind holds back the chats of the batch's older-dialect runs, and a
 * second one on the same database finishes the work without reading the run list again.
 * Two real Simboards, one after the other, on the local PostgreSQL and on the embedded H2
 * file. ({@link PinnedBaselineKillJarTests} kills the packaged jar instead.)
 */
class PinnedBaselineRestartTests {

	private final PinnedBatchUpstream sigmaMind = new PinnedBatchUpstream();

	private final Simboards simboards = new Simboards(this.sigmaMind.baseUrl(), "lead", "ADMIN");

	@AfterEach
	void stop() {
		this.simboards.close();
		this.sigmaMind.close();
	}

	@Test
	void pinWhenSimboardStopsMidwayOnPostgresThenTheNextStartFinishesArchiving() throws Exception {
		stoppedMidwayThenResumed(LocalPostgres.database().arguments());
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
		PinnedBatchUpstream.pin(session);
		// As far as SigmaMind lets it go: every run, and no chat yet.
		JdbcClient firstArchive = Simboards.archive(first);
		await().untilAsserted(() -> {
			assertThat(this.sigmaMind.held()).isPositive();
			assertThat(pin(firstArchive)).containsEntry("runs_known", 5)
				.containsEntry("runs_archived", 3)
				.containsEntry("state", "archiving");
		});
		assertThat(session.get(BATCH_PAGE).body()).contains("Archiving: 3 of 5 runs");
		first.close();
		this.sigmaMind.answerChatsAtOnce();

		ConfigurableApplicationContext second = this.simboards.start(database);
		JdbcClient secondArchive = Simboards.archive(second);
		await().untilAsserted(() -> assertThat(pin(secondArchive)).containsEntry("runs_known", 5)
			.containsEntry("runs_archived", 5)
			.containsEntry("state", "archived"));
		assertThat(secondArchive.sql("select job_id from archived_run where chat_json is not null")
			.query(String.class)
			.list()).containsExactlyInAnyOrder("job_pin4", "job_pin5");
		this.sigmaMind.verifyOnlyTheMissingChatsWereFetched();
		String page = this.simboards.signedIn(second).get(BATCH_PAGE).body();
		assertThat(page).contains("release 2.3").contains("All 5 runs archived");
	}

	private static Map<String, Object> pin(JdbcClient archive) {
		return archive.sql("select runs_known, runs_archived, state from batch_pin where batch_id = ?")
			.param(BATCH)
			.query()
			.singleRow();
	}

}
