package dev.simboard.archive;

/**
 * What one pass of the retention removed.
 *
 * @param runs archived runs removed, with their search texts
 * @param batches archived batches removed
 */
public record Dropped(int runs, int batches) {

}
