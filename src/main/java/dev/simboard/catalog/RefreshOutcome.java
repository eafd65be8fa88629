package dev.simboard.catalog;

/**
 * What a "refresh now" did.
 */
public enum RefreshOutcome {

	/** SigmaMind answered; the page shows its latest data. */
	REFRESHED,
	/** The same resource was refreshed moments ago; nothing was asked. */
	TOO_SOON,
	/** SigmaMind did not answer; the page keeps the data it had. */
	FAILED,
	/** SigmaMind no longer has it; the page shows Simboard's archived copy. */
	ARCHIVED_ONLY

}
