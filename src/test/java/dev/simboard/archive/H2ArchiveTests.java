package dev.simboard.archive;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archive's cases on the embedded H2, in memory as in demo mode, with the URL
 * Simboard makes; and what only H2 does.
 */
class H2ArchiveTests extends ArchiveTests {

	private static HikariDataSource dataSource;

	@BeforeAll
	static void startH2() {
		dataSource = pool(DatabaseConfiguration.inMemory());
		migrate(dataSource, "h2");
	}

	@AfterAll
	static void stopH2() {
		dataSource.close();
	}

	@Override
	DataSource dataSource() {
		return dataSource;
	}

	@Override
	String vendor() {
		return "h2";
	}

	static HikariDataSource pool(String url) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setUsername("sa");
		pool.setMaximumPoolSize(4);
		return pool;
	}

	@Test
	void claimWhenEmbeddedThenAlwaysGrantedAsOneSimboardUsesIt() {
		Optional<Archive.JobClaim> first = this.archive.claim("pins");

		assertThat(first).isPresent();
		assertThat(this.archive.claim("pins")).isPresent();
		first.orElseThrow().close();
	}

	@Test
	void migrateWhenAnArchiveOfTheFirstVersionIsUpgradedThenItsRunsAreListedByTheirBatchsStart() {
		try (HikariDataSource older = pool(DatabaseConfiguration.inMemory())) {
			Flyway.configure().configuration(flyway(older, "h2").getConfiguration()).target("2").load().migrate();
			JdbcClient jdbc = JdbcClient.create(older);
			jdbc.sql("insert into archived_batch (batch_id, agent_id, created_at, run_count, runs_archived, "
					+ "archived_at, batch_json) values ('batch_1', 'agent_1', timestamp with time zone "
					+ "'2026-03-01 12:00:00+00', 2, true, timestamp with time zone '2026-03-02 00:00:00+00', '{}')")
				.update();
			for (String[] run : new String[][] {
					{ "job_1", "batch_1", "timestamp with time zone '2026-03-01 12:01:00+00'" },
					{ "job_2", "batch_2", "timestamp with time zone '2026-03-01 13:00:00+00'" },
					{ "job_3", "batch_3", "null" } }) {
				jdbc.sql("insert into archived_run (job_id, agent_id, batch_id, outcome, created_at, archived_at, "
						+ "run_json) values ('" + run[0] + "', 'agent_1', '" + run[1] + "', 'passed', " + run[2]
						+ ", timestamp with time zone '2026-03-03 00:00:00+00', '{}')")
					.update();
			}

			flyway(older, "h2").migrate();

			assertThat(jdbc.sql("select job_id, listed_at from archived_run order by job_id")
				.query((rs, row) -> rs.getString(1) + " " + rs.getObject(2, OffsetDateTime.class).toInstant())
				.list()).containsExactly("job_1 2026-03-01T12:00:00Z", "job_2 2026-03-01T13:00:00Z",
						"job_3 2026-03-03T00:00:00Z");
		}
	}

	@Test
	void searchWhenPartOfAWordThenH2FindsItInside() {
		save("job_1", "A refund is on its way");

		assertThat(search(AGENT, "fund")).extracting(SearchHit::jobId).containsExactly("job_1");
		assertThat(search(AGENT, "refunds")).isEmpty();
	}

	@Test
	void statsWhenInMemoryThenTheSizeIsUnknown() {
		assertThat(this.archive.stats().sizeBytes()).isNull();
		assertThat(this.archive.stats().database()).startsWith("H2 ").contains("in memory");
	}

	@Test
	void statsWhenInAFileThenTheSizeIsTheFilesAndTheDatabaseSaysWhere(@TempDir Path folder) {
		try (HikariDataSource file = pool(DatabaseConfiguration.inFile(folder))) {
			migrate(file, "h2");
			Archive archive = new Archive(file);
			archive.saveRun(run("job_1", AGENT, "batch_1", T0), texts("refund"));

			ArchiveStats stats = archive.stats();

			assertThat(stats.sizeBytes()).isPositive();
			assertThat(stats.database()).startsWith("H2 ")
				.endsWith(" (embedded) in " + folder.toAbsolutePath().resolve("simboard.mv.db"));
			assertThat(folder.resolve("simboard.mv.db")).isNotEmptyFile();
		}
	}

}
