/**
 * The archive: Simboard's database. Finished runs and batches as SigmaMind sent them
 * (their JSON, plus the columns that find and filter them), the texts search reads, and
 * the batches a team pinned. {@link dev.simboard.archive.Archive} is its one entry point;
 * everything it hands out is a plain record of this package.
 * <p>
 * The database is embedded H2 unless {@code spring.datasource.url} names another
 * (PostgreSQL): in memory in demo mode, else a file under {@code simboard.data-dir}. One
 * set of Flyway migrations ({@code db/migration/common}) serves both, H2 running in its
 * PostgreSQL mode; only the search table differs ({@code db/migration/{vendor}}).
 */
package dev.simboard.archive;
