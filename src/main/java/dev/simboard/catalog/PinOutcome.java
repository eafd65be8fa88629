package dev.simboard.catalog;

/** What pinning or unpinning a batch did. */
public enum PinOutcome {

	/** Pinned now: its runs are being archived. */
	PINNED,
	/** It was pinned before; the first name stays. */
	ALREADY_PINNED,
	/** Unpinned now: its runs stay archived, subject to the retention. */
	UNPINNED,
	/** It was not pinned. */
	NOT_PINNED,
	/** The archive did not answer; nothing changed. */
	ARCHIVE_DOWN

}
