package dev.simboard.logging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;

/**
 * One WARN line for each expected failure (SigmaMind down or slow, an unknown ID, a 429,
 * a forged form), and no more than one a minute of each kind: the rest are counted and
 * the count is said with the next line of that kind ("… and 312 more like it in the last
 * minute"). So an outage or a visitor reloading a bad address cannot flood the log.
 * <p>
 * A kind must come from a small set the code names (an endpoint template and an outcome),
 * never from what a visitor typed, or the counts themselves would grow without bound.
 */
public final class Warnings {

	/** How often each kind may write a line. */
	static final Duration PERIOD = Duration.ofMinutes(1);

	/**
	 * Past this many kinds, new ones share one window: a guard, should a kind ever vary.
	 */
	private static final int MAX_KINDS = 1_000;

	private static final String OTHER = "(other kinds)";

	private final Logger logger;

	private final Clock clock;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	public Warnings(Logger logger, Clock clock) {
		this.logger = logger;
		this.clock = clock;
	}

	/**
	 * Logs {@code message} (an SLF4J pattern) at WARN, unless a line of the same kind was
	 * logged less than a minute ago. Arguments are never exceptions: an expected failure
	 * needs no stack trace.
	 */
	public void warn(String kind, String message, Object... args) {
		if (!this.logger.isWarnEnabled()) {
			return;
		}
		Window window = this.windows.get(kind);
		if (window == null) {
			String key = (this.windows.size() < MAX_KINDS) ? kind : OTHER;
			window = this.windows.computeIfAbsent(key, (k) -> new Window());
		}
		long skipped = window.admit(this.clock.instant());
		if (skipped < 0) {
			return;
		}
		Object[] all = Arrays.copyOf(args, args.length + 1);
		all[args.length] = skipped;
		this.logger.warn((skipped > 0) ? message + " (and {} more like it in the last minute)" : message,
				(skipped > 0) ? all : args);
	}

	/** When a kind last wrote a line, and how many it has held back since. */
	private static final class Window {

		private Instant opened = Instant.MIN;

		private long held;

		/**
		 * The number held back since the last line if this one may be written, else -1.
		 */
		synchronized long admit(Instant now) {
			if (now.isBefore(this.opened.plus(PERIOD))) {
				this.held++;
				return -1;
			}
			long skipped = this.held;
			this.opened = now;
			this.held = 0;
			return skipped;
		}

	}

}
