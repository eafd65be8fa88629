package dev.simboard.web;

import dev.simboard.catalog.RefreshOutcome;

/**
 * What a "refresh now" tells the user on the page it returns to.
 */
public final class Refreshes {

	private Refreshes() {
	}

	public static String message(RefreshOutcome outcome) {
		return switch (outcome) {
			case REFRESHED -> "Refreshed from SigmaMind just now.";
			case TOO_SOON -> "This was refreshed moments ago; try again in a few seconds.";
			case FAILED -> "SigmaMind did not answer the refresh; the page shows the data it had.";
			case ARCHIVED_ONLY -> "SigmaMind no longer has this run; the page shows Simboard's archived copy.";
		};
	}

}
