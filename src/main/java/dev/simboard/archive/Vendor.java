package dev.simboard.archive;

import java.util.Locale;

/**
 * The two databases the archive runs on, and where their SQL differs: full-text search
 * and the size on disk. Everything else is one dialect (H2 in PostgreSQL mode).
 */
enum Vendor {

	/** PostgreSQL: full text for words, trigrams (when present) for phrases. */
	POSTGRESQL("select pg_database_size(current_database())"),

	/** Embedded H2: ILIKE for everything; a file's size, none in memory. */
	H2("select cast(setting_value as bigint) from information_schema.settings where setting_name = 'info.FILE_SIZE'");

	/**
	 * The text search configuration of {@code archived_text.search_vector} (see the
	 * PostgreSQL migration); queries must use the same.
	 */
	static final String TEXT_SEARCH_CONFIG = "english";

	private final String sizeQuery;

	Vendor(String sizeQuery) {
		this.sizeQuery = sizeQuery;
	}

	/**
	 * A query for the database's size in bytes: one row, or none where it cannot tell.
	 */
	String sizeQuery() {
		return this.sizeQuery;
	}

	/** The vendor of a database as JDBC names its product. */
	static Vendor of(String productName) {
		String name = productName.toLowerCase(Locale.ROOT);
		if (name.contains("postgresql")) {
			return POSTGRESQL;
		}
		if (name.equals("h2")) {
			return H2;
		}
		throw new IllegalStateException(
				"Simboard's archive runs on PostgreSQL or on its embedded H2, not on " + productName);
	}

}
