package dev.simboard.review;

import javax.sql.DataSource;

import dev.simboard.archive.TestArchives;

/** {@link ReviewStoreTests} on the embedded H2, migrated by Simboard's scripts. */
class H2ReviewStoreTests extends ReviewStoreTests {

	private static final DataSource dataSource = TestArchives.h2DataSource();

	@Override
	DataSource dataSource() {
		return dataSource;
	}

}
