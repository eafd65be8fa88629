package dev.simboard.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Whether the archive's database failed lately. Pages go on without it, reading
 * SigmaMind; the layout tells admins.
 */
@Component
public class ArchiveStatus {

	/** How long a failure is shown. */
	static final Duration TROUBLE = Duration.ofMinutes(5);

	private final Clock clock;

	private volatile Instant lastFailure;

	ArchiveStatus(Clock clock) {
		this.clock = clock;
	}

	/** Whether the archive failed in the last five minutes. */
	public boolean troubled() {
		Instant failure = this.lastFailure;
		return failure != null && failure.isAfter(this.clock.instant().minus(TROUBLE));
	}

	void failed() {
		this.lastFailure = this.clock.instant();
	}

}
