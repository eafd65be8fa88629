package dev.simboard.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import dev.simboard.model.Agent;
import dev.simboard.model.Batch;
import dev.simboard.model.Run;
import dev.simboard.model.TestCase;

/**
 * How times, durations and rates read on every page. All times are UTC, as SigmaMind
 * gives them, so colleagues in other time zones quote the same figures.
 */
public final class Formats {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private Formats() {
	}

	/** {@code 2026-03-26 10:52:45 UTC}, or a dash. */
	public static String timestamp(Instant instant) {
		return (instant != null) ? TIMESTAMP.format(instant) : "—";
	}

	/**
	 * ISO-8601 for {@code <time datetime>}, to the millisecond at most (HTML allows no
	 * finer fraction of a second, and the clock may give micro- or nanoseconds); or
	 * empty.
	 */
	public static String iso(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MILLIS).toString() : "";
	}

	/** {@code 2m 05s}; {@code null} when either end is missing. */
	public static Duration between(Instant start, Instant end) {
		return (start != null && end != null && !end.isBefore(start)) ? Duration.between(start, end) : null;
	}

	/** {@code 850 ms}, {@code 42 s}, {@code 2m 05s}, {@code 1h 02m}, or a dash. */
	public static String duration(Duration duration) {
		if (duration == null) {
			return "—";
		}
		long seconds = duration.toSeconds();
		if (seconds < 1) {
			return duration.toMillis() + " ms";
		}
		if (seconds < 60) {
			return seconds + " s";
		}
		if (seconds < 3600) {
			return String.format("%dm %02ds", seconds / 60, seconds % 60);
		}
		return String.format("%dh %02dm", seconds / 3600, (seconds % 3600) / 60);
	}

	/** {@code 45 s ago}, {@code 4 min ago}, {@code 3 h ago}, {@code 2 days ago}. */
	public static String ago(Duration age) {
		long seconds = Math.max(0, age.toSeconds());
		if (seconds < 60) {
			return seconds + " s ago";
		}
		if (seconds < 3600) {
			return (seconds / 60) + " min ago";
		}
		if (seconds < 86_400) {
			return (seconds / 3600) + " h ago";
		}
		long days = seconds / 86_400;
		return days + ((days == 1) ? " day ago" : " days ago");
	}

	/**
	 * Share of judged attempts that passed, as a whole percent; {@code null} when none is
	 * judged yet.
	 */
	public static Integer passRate(int passed, int failed) {
		return Batch.passRate(passed, failed);
	}

	/** The text, or a dash when there is none. */
	public static String orDash(String text) {
		return (text != null && !text.isBlank()) ? text : "—";
	}

	/** The judge's remarks, or a sentence saying why there are none. */
	public static String remarks(Run run) {
		if (run.remarks() != null && !run.remarks().isBlank()) {
			return run.remarks();
		}
		return (Verdict.of(run) == Verdict.RUNNING) ? "The judge has not spoken yet: this run is still going."
				: "The judge left no remarks.";
	}

	/** A test case's label, or its ID when it has none. */
	public static String label(TestCase testCase) {
		if (testCase == null) {
			return "(unknown test case)";
		}
		return testCase.name();
	}

	/** An agent's name, or its ID when SigmaMind gives none. */
	public static String agentName(Agent agent, String agentId) {
		return (agent != null && agent.name() != null && !agent.name().isBlank()) ? agent.name() : agentId;
	}

	/** {@code 70%}, or a dash when nothing is judged. */
	public static String percent(Integer percent) {
		return (percent != null) ? percent + "%" : "—";
	}

}
