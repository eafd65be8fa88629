package dev.simboard.archive;

import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.simboard.LocalPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The archive's cases on a real PostgreSQL, in this test run's own database
 * ({@link LocalPostgres}: skipped where there is none, failed on CI); and what only
 * PostgreSQL does: full text and its indexes.
 */
class PostgresArchiveTests extends ArchiveTests {

	private static HikariDataSource dataSource;

	@AfterAll
	static void stopPostgres() {
		if (dataSource != null) {
			dataSource.close();
		}
	}

	/**
	 * Asked before each test, so that where there is no PostgreSQL each test is reported
	 * skipped with the reason (a class skipped from {@code @BeforeAll} counts as none).
	 */
	@Override
	DataSource dataSource() {
		LocalPostgres database = LocalPostgres.database();
		if (dataSource == null) {
			dataSource = database.pool();
			migrate(dataSource, "postgresql");
		}
		return dataSource;
	}

	@Override
	String vendor() {
		return "postgresql";
	}

	@Test
	void claimWhenHeldByOneReplicaThenRefusedToAnotherUntilLetGoOrThatReplicaDies() {
		Archive other = new Archive(dataSource());
		Optional<Archive.JobClaim> first = this.archive.claim("pins");

		assertThat(first).isPresent();
		assertThat(other.claim("pins")).isEmpty();
		other.claim("retention").orElseThrow().close();
		first.orElseThrow().close();
		other.claim("pins").orElseThrow().close();

		// A replica gone (its connections with it) lets go of what it held.
		try (HikariDataSource dying = LocalPostgres.database().pool()) {
			assertThat(new Archive(dying).claim("pins")).isPresent();
			assertThat(other.claim("pins")).isEmpty();
		}
		// PostgreSQL lets go once its server process has seen the connection close, which
		// a loaded machine may take a moment to do: waited for, not assumed.
		await().atMost(Duration.ofMinutes(1)).until(() -> other.claim("pins").map((claim) -> {
			claim.close();
			return true;
		}).orElse(false));
	}

	@Test
	void migrateThenTextsHaveAFullTextColumnAndATrigramIndex() {
		assertThat(this.jdbc
			.sql("select data_type from information_schema.columns "
					+ "where table_name = 'archived_text' and column_name = 'search_vector'")
			.query(String.class)
			.single()).isEqualTo("tsvector");
		assertThat(this.jdbc.sql("select indexname from pg_indexes where tablename = 'archived_text'")
			.query(String.class)
			.list()).contains("archived_text_search_vector", "archived_text_body_trgm");
	}

	@Test
	void searchWhenAWordIsInflectedThenFullTextFindsItsOtherForms() {
		save("job_1", "Your order was refunded yesterday");
		save("job_2", "I'd like a refund");

		assertThat(search(AGENT, "refunds")).extracting(SearchHit::jobId).containsExactlyInAnyOrder("job_1", "job_2");
		assertThat(search(AGENT, "fund")).isEmpty();
	}

	@Test
	void searchWhenAWordIsAStopWordThenItIsFoundAsTyped() {
		save("job_1", "I will not refund that");
		save("job_2", "I will refund that");

		assertThat(search(AGENT, "not refund")).extracting(SearchHit::jobId).containsExactly("job_1");
		assertThat(search(AGENT, "\"will not\"")).extracting(SearchHit::jobId).containsExactly("job_1");
		assertThat(search(AGENT, "refund -not")).extracting(SearchHit::jobId).containsExactly("job_2");
	}

	@Test
	void statsThenTheDatabasesSizeOnDisk() {
		assertThat(this.archive.stats().sizeBytes()).isPositive();
		assertThat(this.archive.stats().database()).startsWith("PostgreSQL ")
			.endsWith(" at " + LocalPostgres.database().url());
	}

}
