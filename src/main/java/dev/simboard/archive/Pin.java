package dev.simboard.archive;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A pinned batch: a baseline the team named, kept whatever the retention, with the
 * progress of archiving every one of its runs.
 *
 * @param batchId the batch
 * @param agentId its agent
 * @param name what the team calls it ("release 2.3")
 * @param pinnedBy who pinned it
 * @param pinnedAt when
 * @param runsKnown how many runs the batch has, as far as known yet
 * @param runsArchived how many of them are archived
 * @param state whether archiving its runs is still to do
 */
public record Pin(String batchId, String agentId, String name, String pinnedBy, Instant pinnedAt, int runsKnown,
		int runsArchived, State state) {

	/** The longest name, in characters. */
	public static final int MAX_NAME_LENGTH = 200;

	/** The longest {@link #pinnedBy()}, in characters. */
	public static final int MAX_PINNED_BY_LENGTH = 256;

	public Pin {
		ArchivedRun.requireId("batchId", batchId);
		ArchivedRun.requireId("agentId", agentId);
		requireText("name", name, MAX_NAME_LENGTH);
		requireText("pinnedBy", pinnedBy, MAX_PINNED_BY_LENGTH);
		Objects.requireNonNull(pinnedAt, "pinnedAt");
		if (runsKnown < 0 || runsArchived < 0) {
			throw new IllegalArgumentException("run counts must not be negative: " + runsKnown + ", " + runsArchived);
		}
		Objects.requireNonNull(state, "state");
	}

	/** A new pin: nothing known or archived yet, archiving to do. */
	public static Pin of(String batchId, String agentId, String name, String pinnedBy, Instant pinnedAt) {
		return new Pin(batchId, agentId, name, pinnedBy, pinnedAt, 0, 0, State.ARCHIVING);
	}

	private static void requireText(String field, String value, int max) {
		if (value == null || value.isBlank() || value.length() > max) {
			throw new IllegalArgumentException(field + " must be 1 to " + max + " characters");
		}
	}

	/** Where archiving a pinned batch's runs stands. */
	public enum State {

		/**
		 * Some runs may not be archived yet: work to do, or to resume after a restart.
		 */
		ARCHIVING,
		/** Every run is archived. */
		ARCHIVED;

		String column() {
			return name().toLowerCase(Locale.ROOT);
		}

		static State ofColumn(String value) {
			return valueOf(value.toUpperCase(Locale.ROOT));
		}

	}

}
