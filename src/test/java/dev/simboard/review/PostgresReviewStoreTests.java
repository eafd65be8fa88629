package dev.simboard.review;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import dev.simboard.LocalPostgres;

/**
 * {@link ReviewStoreTests} on a real PostgreSQL ({@link LocalPostgres}: skipped where
 * there is none, failed on CI).
 */
class PostgresReviewStoreTests extends ReviewStoreTests {

	private static DataSource dataSource;

	@Override
	DataSource dataSource() {
		LocalPostgres database = LocalPostgres.database();
		if (dataSource == null) {
			dataSource = database.pool();
			Flyway.configure()
				.dataSource(dataSource)
				.locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
				.load()
				.migrate();
		}
		return dataSource;
	}

}
