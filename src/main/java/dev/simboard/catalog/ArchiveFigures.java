package dev.simboard.catalog;

import java.time.Instant;

/**
 * The archive as the admin page shows it.
 *
 * @param database which database, for people (never a password)
 * @param sizeBytes its size on disk, or {@code null} where the database cannot tell
 * @param runs archived runs
 * @param batches archived batches
 * @param pins pinned batches
 * @param oldest when the oldest entry was archived, or {@code null} when empty
 * @param backlog writes waiting
 * @param problem why the figures could not be read, or {@code null}
 */
public record ArchiveFigures(String database, Long sizeBytes, long runs, long batches, long pins, Instant oldest,
		int backlog, String problem) {

}
