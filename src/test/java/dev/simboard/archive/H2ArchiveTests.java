package dev.simboard.archive;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
