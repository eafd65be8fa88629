package dev.simboard.compare;

/**
 * A pinned baseline the compare form offers as the base.
 *
 * @param batchId its batch
 * @param name what the team calls it
 * @param compareHref the head compared with it
 */
record Baseline(String batchId, String name, String compareHref) {

}
