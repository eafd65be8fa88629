package dev.simboard.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.simboard.MutableClock;
import dev.simboard.archive.Archive;
import dev.simboard.archive.ArchivedBatch;
import dev.simboard.archive.TestArchives;
import dev.simboard.model.Chat;
import dev.simboard.model.Id;
import dev.simboard.model.Run;
import dev.simboard.sigmamind.Fetched;
import dev.simboard.sigmamind.SigmaMindJson;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the catalog archives, and under which IDs: the writer's order does not lose a chat
 * that ended before its run was archived, and a run is filed under SigmaMind's own IDs,
 * never under an address that named others.
 */
class ArchivingTests {

	private static final Id AGENT = Id.of("agent_1");

	private static final Id BATCH = Id.of("batch_1");

	private final DataSource dataSource = TestArchives.h2DataSource();

	private final Archive archive = new Archive(this.dataSource);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-27T09:00:00Z"));

	private final Archiving archiving = new Archiving(this.archive, new ArchiveStatus(this.clock), this.clock);

	@Test
	void keepWhenChatEndsBeforeItsRunIsArchivedThenTheChatWaitsAndIsKeptWithIt() {
		this.archiving.keep(chat("chat_old1"));
		await().until(() -> this.archiving.backlog() == 0);
		this.archiving.keep(AGENT, BATCH, run("job_old1", "batch_1", "agent_1", "chat_old1"));

		await().untilAsserted(() -> assertThat(this.archive.findRunByChat("chat_old1"))
			.hasValueSatisfying((run) -> assertThat(run.chatJson()).contains("Where is my parcel?")));
	}

	@Test
	void keepWhenRunNamesAnotherBatchOrAgentThenNotArchivedUnderTheAddress() {
		this.archiving.keep(AGENT, BATCH, run("job_elsewhere1", "batch_2", "agent_1", "chat_x1"));
		this.archiving.keep(AGENT, BATCH, run("job_elsewhere2", "batch_1", "agent_2", "chat_x2"));
		this.archiving.keep(AGENT, BATCH, run("job_here1", "batch_1", "agent_1", "chat_x3"));
		await().until(() -> this.archiving.backlog() == 0);

		assertThat(this.archive.runsOfBatch("batch_1")).extracting((run) -> run.jobId()).containsExactly("job_here1");
		assertThat(this.archive.findRun("job_elsewhere1")).isEmpty();
	}

	@Test
	void bodyWhenTheRunWasReadFromTheArchiveThenLookedForElseNot() {
		Fetched<Run> fetched = run("job_b1", "batch_1", "agent_1", "chat_b1");
		this.archiving.keep(AGENT, BATCH, fetched);
		RunBodies bodies = new RunBodies(this.archiving);
		bodies.keep(Id.of("job_b1"), new RunBody("from1", "<p>Kept</p>", "ab12"));
		await().until(() -> this.archiving.backlog() == 0);

		Run read = this.archiving.run(AGENT, BATCH, Id.of("job_b1")).block().orElseThrow();

		assertThat(bodies.find(read, "from1")).get().extracting(RunBody::html).isEqualTo("<p>Kept</p>");
		assertThat(bodies.find(read, "from2")).isEmpty();
		// The same run as SigmaMind sent it: its page does not wait for the database.
		assertThat(bodies.find(fetched.value(), "from1")).isEmpty();
	}

	@Test
	void runsWhenTheArchivedListLostARunThenItIsNotTheBatchsList() {
		this.archive.saveBatch(new ArchivedBatch("batch_1", "agent_1", this.clock.instant(), null, 2, false,
				this.clock.instant(), "{}"));
		this.archiving.keep(AGENT, BATCH, List.of(run("job_a1", "batch_1", "agent_1", "chat_a1"),
				run("job_a2", "batch_1", "agent_1", "chat_a2")));
		await().until(() -> this.archiving.backlog() == 0);
		assertThat(this.archiving.runs(AGENT, BATCH).block()).hasValueSatisfying(
				(runs) -> assertThat(runs).extracting(Run::jobId).containsExactlyInAnyOrder("job_a1", "job_a2"));

		JdbcClient.create(this.dataSource).sql("delete from archived_run where job_id = 'job_a1'").update();

		assertThat(this.archiving.runs(AGENT, BATCH).block()).isEmpty();
	}

	@Test
	void keepWhenTheWaitingWritesHoldTooMuchJsonThenMoreAreDroppedUntilTheyAreDone() throws Exception {
		Gate gate = new Gate(this.dataSource);
		Archive gated = new Archive(gate);
		Fetched<Run> first = run("job_b1", "batch_1", "agent_1", "chat_b1");
		// Room for two runs' JSON, not three.
		Archiving archiving = new Archiving(gated, new ArchiveStatus(this.clock), this.clock,
				first.json().length() * 5L / 2, Archiving.READ_LIMIT);
		gate.close();

		for (int i = 1; i <= 4; i++) {
			archiving.keep(AGENT, BATCH, run("job_b" + i, "batch_1", "agent_1", "chat_b" + i));
		}
		gate.open();
		assertThat(archiving.drain(Duration.ofMinutes(1))).isTrue();

		assertThat(this.archive.archivedJobIds("batch_1")).containsExactlyInAnyOrder("job_b1", "job_b2");
		// Done, they leave room again; and a write alone is taken whatever its size.
		gate.close();
		archiving.keep(AGENT, BATCH, List.of(run("job_b3", "batch_1", "agent_1", "chat_b3"),
				run("job_b4", "batch_1", "agent_1", "chat_b4"), run("job_b5", "batch_1", "agent_1", "chat_b5")));
		archiving.keep(AGENT, BATCH, run("job_b6", "batch_1", "agent_1", "chat_b6"));
		gate.open();
		assertThat(archiving.drain(Duration.ofMinutes(1))).isTrue();
		assertThat(this.archive.archivedJobIds("batch_1")).containsExactlyInAnyOrder("job_b1", "job_b2", "job_b3",
				"job_b4", "job_b5");
		archiving.close();
	}

	private static Fetched<Run> run(String jobId, String batchId, String agentId, String chatId) {
		String json = """
				{"jobId":"%s","batchId":"%s","agent":{"agentId":"%s"},"chatId":"%s",
				 "testCase":{"testCaseId":"tc_1","label":"Parcel"},"createdDate":"2026-03-26T10:50:00Z",
				 "completedDate":"2026-03-26T10:52:00Z","isSuccessful":false,"remarks":"Late."}""".formatted(jobId,
				batchId, agentId, chatId);
		return new Fetched<>(SigmaMindJson.run(json), json);
	}

	/** A database whose connections wait while the gate is closed. */
	private static final class Gate extends DelegatingDataSource {

		private final Semaphore open = new Semaphore(1);

		Gate(DataSource dataSource) {
			super(dataSource);
		}

		void close() throws InterruptedException {
			this.open.acquire();
		}

		void open() {
			this.open.release();
		}

		@Override
		public Connection getConnection() throws SQLException {
			try {
				this.open.acquire();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SQLException("interrupted at the gate", ex);
			}
			this.open.release();
			return super.getConnection();
		}

	}

	private static Fetched<Chat> chat(String chatId) {
		String json = """
				{"chatId":"%s","status":"ended","messages":[{"role":"user","content":"Where is my parcel?"}]}"""
			.formatted(chatId);
		return new Fetched<>(SigmaMindJson.chat(json), json);
	}

}
