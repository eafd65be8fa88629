package dev.simboard.history;

import java.util.List;

import dev.simboard.catalog.Staleness;

/**
 * An agent's most recent batch runs with their runs, oldest first.
 *
 * @param agentName the agent's name, or its ID
 * @param batches the batch runs, oldest first
 * @param staleness the oldest stale part, or {@code null}
 */
record HistoryWindow(String agentName, List<BatchEntry> batches, Staleness staleness) {

}
