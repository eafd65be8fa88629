package dev.simboard.archive;

import java.time.Instant;
import java.util.Objects;

/**
 * A finished batch as the archive keeps it.
 *
 * @param batchId its ID, unique in the archive
 * @param agentId the agent it was played against
 * @param created when it started, or {@code null}
 * @param completed when it finished, or {@code null}
 * @param runCount how many runs it has
 * @param runsArchived whether every one of its runs is archived, so that
 * {@link Archive#runsOfBatch(String)} is its whole run list
 * @param archivedAt when Simboard archived it; retention counts from here
 * @param batchJson the batch as SigmaMind sent it
 */
public record ArchivedBatch(String batchId, String agentId, Instant created, Instant completed, int runCount,
		boolean runsArchived, Instant archivedAt, String batchJson) {

	public ArchivedBatch {
		ArchivedRun.requireId("batchId", batchId);
		ArchivedRun.requireId("agentId", agentId);
		if (runCount < 0) {
			throw new IllegalArgumentException("runCount must not be negative: " + runCount);
		}
		Objects.requireNonNull(archivedAt, "archivedAt");
		Objects.requireNonNull(batchJson, "batchJson");
	}

}
