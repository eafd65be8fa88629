package dev.simboard.catalog;

import java.time.Instant;

import dev.simboard.model.Id;

/**
 * A batch the team pinned as a baseline, and how far archiving its runs has come.
 *
 * @param agentId its agent
 * @param batchId the batch
 * @param name what the team calls it ("release 2.3")
 * @param pinnedBy who pinned it
 * @param pinnedAt when
 * @param runsKnown how many runs the batch has, as far as known yet (0 before the first
 * look)
 * @param runsArchived how many of them are archived, with their conversation
 * @param archiving whether archiving is still to do; once it is not, every run SigmaMind
 * could give is archived ({@code runsArchived} is below {@code runsKnown} only when
 * SigmaMind no longer had, or never listed, the others)
 */
public record PinnedBatch(Id agentId, Id batchId, String name, String pinnedBy, Instant pinnedAt, int runsKnown,
		int runsArchived, boolean archiving) {

}
