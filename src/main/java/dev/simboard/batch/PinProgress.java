package dev.simboard.batch;

import dev.simboard.catalog.PinnedBatch;

/**
 * How far archiving a pinned batch's runs has come, in words, wherever a pin is shown.
 */
public final class PinProgress {

	private PinProgress() {
	}

	/**
	 * "Archiving: 120 of 480 runs", "All 480 runs archived", and the cases between.
	 * @param batchRunning whether the batch still runs, so its runs wait for its end
	 */
	public static String of(PinnedBatch pin, boolean batchRunning) {
		int known = pin.runsKnown();
		int archived = pin.runsArchived();
		if (pin.archiving()) {
			if (batchRunning) {
				return "Archiving once the batch has finished: " + archived + " of " + runs(known) + " so far";
			}
			return (known == 0) ? "Archiving its runs: starting" : "Archiving: " + archived + " of " + runs(known);
		}
		if (known == 0) {
			return "SigmaMind lists no runs of it to archive";
		}
		if (archived >= known) {
			return (known == 1) ? "Its one run is archived" : "All " + runs(known) + " archived";
		}
		return archived + " of " + runs(known) + " archived: SigmaMind has no more of them to give";
	}

	private static String runs(int count) {
		return count + ((count == 1) ? " run" : " runs");
	}

}
