package dev.simboard.archive;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Archives for tests outside this package: an embedded H2 in memory, migrated, of its
 * own, as demo mode makes it.
 */
public final class TestArchives {

	private TestArchives() {
	}

	/** A fresh, empty archive in an H2 database of its own. */
	public static Archive h2() {
		return new Archive(h2DataSource());
	}

	/** A fresh, migrated H2 database of its own. */
	public static DataSource h2DataSource() {
		HikariDataSource dataSource = H2ArchiveTests.pool(DatabaseConfiguration.inMemory());
		ArchiveTests.migrate(dataSource, "h2");
		return dataSource;
	}

}
