package dev.simboard.catalog;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.LoggerFactory;

import dev.simboard.archive.Archive;
import dev.simboard.archive.Pin;
import dev.simboard.logging.Warnings;
import dev.simboard.model.Id;

import org.springframework.stereotype.Service;

/**
 * Pinned baselines: batches the team names ("release 2.3") so that Simboard archives
 * every one of their runs, in the background ({@link PinArchiver}), and keeps them
 * whatever the retention. Reading pins never breaks a page: when the archive does not
 * answer, there are none, with one WARN line a minute.
 */
@Service
public class Pins {

	/** The longest name, in characters. */
	public static final int MAX_NAME_LENGTH = Pin.MAX_NAME_LENGTH;

	/** Runs of white space and control characters, which a name keeps as one space. */
	private static final Pattern SPACES = Pattern.compile("[\\s\\p{Cntrl}]+");

	private final Catalog catalog;

	private final Archive archive;

	private final PinArchiver archiver;

	private final Clock clock;

	private final Warnings warnings;

	Pins(Catalog catalog, Archive archive, PinArchiver archiver, Clock clock) {
		this.catalog = catalog;
		this.archive = archive;
		this.archiver = archiver;
		this.clock = clock;
		this.warnings = new Warnings(LoggerFactory.getLogger(Pins.class), clock);
	}

	/**
	 * A name as it is kept: trimmed, each run of white space or control characters one
	 * space; empty when nothing is left or it is longer than {@link #MAX_NAME_LENGTH}.
	 */
	public static Optional<String> name(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String name = SPACES.matcher(typed).replaceAll(" ").strip();
		return (name.isEmpty() || name.length() > MAX_NAME_LENGTH) ? Optional.empty() : Optional.of(name);
	}

	/** The pin of this agent's batch, if it is pinned. */
	public Optional<PinnedBatch> find(Id agentId, Id batchId) {
		try {
			return this.archive.findPin(batchId.value())
				.filter((pin) -> pin.agentId().equals(agentId.value()))
				.map(Pins::pinned);
		}
		catch (RuntimeException ex) {
			this.warnings.warn("read", "The archive could not be read (pins): {}", ex.toString());
			return Optional.empty();
		}
	}

	/**
	 * An agent's pinned batches, the last pinned first, whether SigmaMind still lists
	 * them or not.
	 */
	public List<PinnedBatch> ofAgent(Id agentId) {
		try {
			return this.archive.pins(agentId.value()).stream().map(Pins::pinned).toList();
		}
		catch (RuntimeException ex) {
			this.warnings.warn("read", "The archive could not be read (pins): {}", ex.toString());
			return List.of();
		}
	}

	/**
	 * Pins a batch of this agent under a name, and starts archiving its runs. A running
	 * batch may be pinned: its runs are archived once it has finished.
	 * @param name the name as typed; see {@link #name(String)}
	 * @param pinnedBy who pins it (cut to what the archive keeps)
	 * @throws IllegalArgumentException when the name is empty or too long
	 * @throws dev.simboard.sigmamind.SigmaMindNotFoundException when neither SigmaMind
	 * nor the archive knows the batch for this agent
	 */
	public PinOutcome pin(Id agentId, Id batchId, String name, String pinnedBy) {
		String kept = name(name).orElseThrow(
				() -> new IllegalArgumentException("A pin's name must be 1 to " + MAX_NAME_LENGTH + " characters"));
		// Only a batch this agent has: the batch page has just read it, so this costs no
		// call.
		this.catalog.batchRuns(agentId, batchId);
		String by = (pinnedBy.length() > Pin.MAX_PINNED_BY_LENGTH) ? pinnedBy.substring(0, Pin.MAX_PINNED_BY_LENGTH)
				: pinnedBy;
		try {
			if (!this.archive.pin(Pin.of(batchId.value(), agentId.value(), kept, by, this.clock.instant()))) {
				return PinOutcome.ALREADY_PINNED;
			}
		}
		catch (RuntimeException ex) {
			this.warnings.warn("write", "The archive could not pin a batch: {}", ex.toString());
			return PinOutcome.ARCHIVE_DOWN;
		}
		this.archiver.wake();
		return PinOutcome.PINNED;
	}

	/**
	 * Unpins this agent's batch. Its runs stay archived, but the retention may drop them
	 * from then on.
	 */
	public PinOutcome unpin(Id agentId, Id batchId) {
		try {
			boolean pinned = this.archive.findPin(batchId.value())
				.filter((pin) -> pin.agentId().equals(agentId.value()))
				.isPresent();
			return (pinned && this.archive.unpin(batchId.value())) ? PinOutcome.UNPINNED : PinOutcome.NOT_PINNED;
		}
		catch (RuntimeException ex) {
			this.warnings.warn("write", "The archive could not unpin a batch: {}", ex.toString());
			return PinOutcome.ARCHIVE_DOWN;
		}
	}

	private static PinnedBatch pinned(Pin pin) {
		return new PinnedBatch(Id.of(pin.agentId()), Id.of(pin.batchId()), pin.name(), pin.pinnedBy(), pin.pinnedAt(),
				pin.runsKnown(), pin.runsArchived(), pin.state() == Pin.State.ARCHIVING);
	}

}
