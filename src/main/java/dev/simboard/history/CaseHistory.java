package dev.simboard.history;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.simboard.model.Attempt;
import dev.simboard.model.Id;
import dev.simboard.model.Review;
import dev.simboard.model.Run;
import dev.simboard.model.TestCase;
import dev.simboard.web.Formats;
import dev.simboard.web.Links;
import dev.simboard.web.Verdict;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * One test case over a window of batch runs: its verdicts, how long it has been failing,
 * and whether it is flaky.
 *
 * @param testCaseId the test case ID
 * @param href its history page
 * @param label its label (from the newest batch that has it)
 * @param successCriteria what the judge expects, or a dash
 * @param userPrompt the simulated user's instructions, or a dash
 * @param columns one per batch, oldest first
 * @param failingSince judged batches in a row, back from the newest judged one, that
 * failed the case
 * @param failingFrom the oldest batch of that streak, or {@code null}
 * @param failingAtLeast whether the streak may be longer: it ends at a batch whose runs
 * could not be read
 * @param changes times the verdict changed between consecutive judged batches
 * @param disagreeing batches whose attempts both passed and failed
 * @param judged batches with a verdict on the case
 * @param unreadable batches whose runs could not be read
 * @param unreadableNewer of those, the ones newer than the newest judged batch
 */
record CaseHistory(String testCaseId, String href, String label, String successCriteria, String userPrompt,
		List<Column> columns, int failingSince, Column failingFrom, boolean failingAtLeast, int changes,
		int disagreeing, int judged, int unreadable, int unreadableNewer) {

	/** Verdict changes at which a case counts as flaky. */
	static final int FLAKY_CHANGES = 2;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd").withZone(ZoneOffset.UTC);

	/** Whether the verdict keeps changing, or attempts within a batch disagree. */
	public boolean flaky() {
		return this.changes >= FLAKY_CHANGES || this.disagreeing > 0;
	}

	/**
	 * How unstable the case is: verdict changes plus batches with disagreeing attempts.
	 */
	public int score() {
		return this.changes + this.disagreeing;
	}

	/** Whether any batch in the window played the case. */
	public boolean played() {
		return this.columns.stream().anyMatch((column) -> column.outcome() != CaseOutcome.ABSENT);
	}

	/**
	 * Whether any batch gave a verdict on the case. Without one, neither "not failing"
	 * nor "stable" may be said: nothing was seen, which is not the same as nothing wrong.
	 */
	public boolean known() {
		return this.judged > 0;
	}

	/**
	 * Whether no batch could be read for the case: each either did not give its runs or
	 * did not list the case. Otherwise a batch played it but has no verdict yet.
	 */
	public boolean nothingRead() {
		return this.columns.stream()
			.allMatch((column) -> column.outcome() == CaseOutcome.UNKNOWN || column.outcome() == CaseOutcome.ABSENT);
	}

	/**
	 * Whether the case passed in the newest batch with a verdict and no newer batch was
	 * unreadable: the one state shown as good news.
	 */
	public boolean passing() {
		return known() && this.failingSince == 0 && this.unreadableNewer == 0;
	}

	/** The history of one test case over the window. */
	static CaseHistory of(String agentId, HistoryWindow window, String testCaseId) {
		List<Column> columns = new ArrayList<>();
		TestCase described = null;
		Column lastPlayed = null;
		for (BatchEntry entry : window.batches()) {
			Column column = column(agentId, entry, testCaseId);
			if (column.firstJobId() != null) {
				// From each played batch, the diff of its conversation against the one
				// before.
				if (lastPlayed != null) {
					column = column.withDiff(Links.diff(agentId, lastPlayed.batchId(), lastPlayed.firstJobId(),
							column.batchId(), column.firstJobId()));
				}
				lastPlayed = column;
			}
			columns.add(column);
			TestCase testCase = entry.testCase(testCaseId);
			if (testCase != null) {
				described = testCase;
			}
		}
		int failingSince = 0;
		Column failingFrom = null;
		boolean failingAtLeast = false;
		int unreadableNewer = 0;
		boolean judgedSeen = false;
		for (int i = columns.size() - 1; i >= 0; i--) {
			CaseOutcome outcome = columns.get(i).outcome();
			if (outcome == CaseOutcome.UNKNOWN) {
				if (!judgedSeen) {
					unreadableNewer++;
					continue;
				}
				// The streak has run so far without a pass, but this batch may have
				// failed too: the streak is at least this long, not exactly.
				failingAtLeast = true;
				break;
			}
			if (!outcome.judged()) {
				continue;
			}
			judgedSeen = true;
			if (outcome != CaseOutcome.FAILED) {
				break;
			}
			failingSince++;
			failingFrom = columns.get(i);
		}
		int changes = 0;
		int disagreeing = 0;
		int judged = 0;
		int unreadable = 0;
		CaseOutcome previous = null;
		for (Column column : columns) {
			CaseOutcome outcome = column.outcome();
			if (outcome == CaseOutcome.UNKNOWN) {
				unreadable++;
			}
			if (!outcome.judged()) {
				continue;
			}
			judged++;
			if (previous != null && previous != outcome) {
				changes++;
			}
			if (outcome == CaseOutcome.MIXED) {
				disagreeing++;
			}
			previous = outcome;
		}
		String label = (described != null) ? Formats.label(described) : testCaseId;
		return new CaseHistory(testCaseId, href(agentId, testCaseId), label,
				Formats.orDash((described != null) ? described.successCriteria() : null),
				Formats.orDash((described != null) ? described.userPrompt() : null), List.copyOf(columns), failingSince,
				failingFrom, failingAtLeast, changes, disagreeing, judged, unreadable, unreadableNewer);
	}

	/** The history page of a test case. */
	static String href(String agentId, String testCaseId) {
		return UriComponentsBuilder.fromPath("/agents/{agentId}/test-cases/{testCaseId}")
			.encode()
			.buildAndExpand(agentId, testCaseId)
			.toUriString();
	}

	private static Column column(String agentId, BatchEntry entry, String testCaseId) {
		String batchId = entry.batch().id();
		List<Square> squares = new ArrayList<>();
		String firstJobId = null;
		CaseOutcome outcome;
		if (!entry.listed()) {
			outcome = CaseOutcome.UNKNOWN;
		}
		else {
			int passed = 0;
			int failed = 0;
			int running = 0;
			for (Run run : entry.attempts(testCaseId)) {
				if (firstJobId == null) {
					firstJobId = run.jobId();
				}
				Review review = entry.review(run.jobId());
				Verdict verdict = Verdict.of(run, review);
				switch (verdict) {
					case PASSED -> passed++;
					case FAILED -> failed++;
					case RUNNING -> running++;
					default -> {
					}
				}
				squares.add(square(agentId, entry, run, verdict, review));
			}
			outcome = outcome(squares.size(), passed, failed, running);
		}
		return new Column(batchId, Links.batch(agentId, batchId),
				(entry.batch().created() != null) ? DAY.format(entry.batch().created()) : "—",
				Formats.timestamp(entry.batch().created()), outcome, List.copyOf(squares), firstJobId, null);
	}

	private static CaseOutcome outcome(int attempts, int passed, int failed, int running) {
		if (attempts == 0) {
			return CaseOutcome.ABSENT;
		}
		if (passed > 0 && failed > 0) {
			return CaseOutcome.MIXED;
		}
		if (running > 0) {
			// A failure so far may still be joined by a pass.
			return CaseOutcome.RUNNING;
		}
		if (failed > 0) {
			return CaseOutcome.FAILED;
		}
		return (passed > 0) ? CaseOutcome.PASSED : CaseOutcome.UNJUDGED;
	}

	private static Square square(String agentId, BatchEntry entry, Run run, Verdict verdict, Review review) {
		Attempt attempt = entry.attempt(run.jobId());
		boolean overturned = review != null && review.overturns();
		String said = overturned ? " by review, judge said " + review.judge().name().toLowerCase(Locale.ROOT) : "";
		String description = verdict.label() + said + ((attempt != null) ? ", attempt " + attempt : "") + ", batch of "
				+ Formats.timestamp(entry.batch().created());
		boolean linkable = Id.valid(run.jobId());
		return new Square(overturned ? verdict.css() + " reviewed" : verdict.css(), symbol(verdict), description,
				linkable ? Links.run(agentId, entry.batch().id(), run.jobId()) : null);
	}

	private static String symbol(Verdict verdict) {
		return switch (verdict) {
			case PASSED -> "✓";
			case FAILED -> "✗";
			case RUNNING -> "…";
			case UNJUDGED -> "?";
		};
	}

}
