package dev.simboard.agent;

/**
 * A pinned baseline on the agent page, from the archive, whether SigmaMind still lists
 * its batch or not.
 *
 * @param name what the team calls it
 * @param batchId the batch
 * @param href the batch page
 * @param pinnedBy who pinned it
 * @param pinnedAt when, for reading
 * @param pinnedAtIso when, ISO-8601
 * @param progress how far archiving its runs has come
 */
record PinRow(String name, String batchId, String href, String pinnedBy, String pinnedAt, String pinnedAtIso,
		String progress) {

}
