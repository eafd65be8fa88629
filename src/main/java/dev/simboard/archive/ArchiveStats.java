package dev.simboard.archive;

import java.time.Instant;

/**
 * How big the archive is, for the admin page.
 *
 * @param database which database holds it, such as {@code PostgreSQL 15.4} or
 * {@code H2 2.4.240 (embedded, in memory)}
 * @param sizeBytes the database's size on disk, or {@code null} where it cannot tell (H2
 * in memory)
 * @param runs archived runs
 * @param batches archived batches
 * @param texts texts indexed for search
 * @param pins pinned batches
 * @param oldest when the oldest run or batch still archived was archived, or {@code null}
 * when there is none
 */
public record ArchiveStats(String database, Long sizeBytes, long runs, long batches, long texts, long pins,
		Instant oldest) {

}
