package dev.simboard.review;

import dev.simboard.model.HumanVerdict;

/**
 * A review proposed for an unreviewed failure: that of the most alike reviewed failure of
 * the same test case. Never applied by itself.
 *
 * @param jobId the reviewed run it comes from
 * @param batchId that run's batch
 * @param verdict its reviewer's verdict
 * @param label its label, or {@code null}
 * @param alike how alike the two failures are, in whole per cent
 */
public record Suggestion(String jobId, String batchId, HumanVerdict verdict, String label, int alike) {

}
