package dev.simboard.batch;

import dev.simboard.catalog.PinnedBatch;
import dev.simboard.web.Formats;
import dev.simboard.web.Links;

/**
 * A pinned batch as its page shows it: the name, who pinned it and when, and how far
 * archiving its runs has come.
 *
 * @param name what the team calls it
 * @param pinnedBy who pinned it
 * @param pinnedAt when, for reading
 * @param pinnedAtIso when, ISO-8601
 * @param progress how far archiving has come, in words
 * @param archiving whether archiving is still to do, so the page asks again
 * @param progressHref the part of the page that says how far archiving has come
 * @param unpinHref the page that asks to confirm unpinning
 */
record PinView(String name, String pinnedBy, String pinnedAt, String pinnedAtIso, String progress, boolean archiving,
		String progressHref, String unpinHref) {

	static PinView of(PinnedBatch pin, boolean batchRunning) {
		String batch = Links.batch(pin.agentId(), pin.batchId());
		return new PinView(pin.name(), pin.pinnedBy(), Formats.timestamp(pin.pinnedAt()), Formats.iso(pin.pinnedAt()),
				PinProgress.of(pin, batchRunning), pin.archiving(), batch + "/pin/progress", batch + "/unpin");
	}

}
