package dev.simboard.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.simboard.catalog.RunList;
import dev.simboard.model.Agent;
import dev.simboard.model.Batch;
import dev.simboard.model.MockVariable;
import dev.simboard.model.Review;
import dev.simboard.model.Run;
import dev.simboard.model.TestCase;
import dev.simboard.review.Overturns;
import dev.simboard.web.Formats;
import dev.simboard.web.Links;
import dev.simboard.web.Verdict;

/**
 * Builds the compare page's view from two batches and their runs: test cases matched by
 * ID, each side's passes counted over its attempts, and what changed between the two
 * besides the agent's answers.
 */
final class Comparisons {

	private Comparisons() {
	}

	/**
	 * One batch of a comparison.
	 *
	 * @param batch the batch run
	 * @param runs its runs
	 * @param reviews the current reviews of its runs, by job ID: a reviewer's verdict
	 * counts instead of the judge's
	 */
	record Side(Batch batch, RunList runs, Map<String, Review> reviews) {

		/** The pass rate, reviewers' verdicts counted. */
		Integer passRate() {
			Overturns overturns = Overturns.of(this.reviews.values());
			int passed = overturns.passedAfterReview(this.batch.passed());
			return Batch.passRate(passed, this.batch.passed() + this.batch.failed() - passed);
		}

	}

	static CompareView view(String agentId, Side baseSide, Side headSide) {
		Batch base = baseSide.batch();
		RunList baseRuns = baseSide.runs();
		Batch head = headSide.batch();
		RunList headRuns = headSide.runs();
		Integer baseRate = baseSide.passRate();
		Integer headRate = headSide.passRate();
		String unlisted = unlisted(base, baseRuns, head, headRuns);
		Map<Change, List<CaseRow>> grouped = new EnumMap<>(Change.class);
		int changedCases = 0;
		if (unlisted == null) {
			Map<String, Tally> before = tally(baseSide);
			Map<String, Tally> after = tally(headSide);
			Set<String> ids = new LinkedHashSet<>(before.keySet());
			ids.addAll(after.keySet());
			for (String id : ids) {
				CaseRow row = row(agentId, base.id(), before.get(id), head.id(), after.get(id));
				grouped.computeIfAbsent(row.change(), (change) -> new ArrayList<>()).add(row);
				changedCases += row.warnings().isEmpty() ? 0 : 1;
			}
		}
		List<CompareView.Count> counts = new ArrayList<>();
		List<CompareView.Group> groups = new ArrayList<>();
		for (Change change : Change.values()) {
			List<CaseRow> rows = grouped.getOrDefault(change, List.of());
			if (change != Change.UNDECIDED || !rows.isEmpty()) {
				counts.add(new CompareView.Count(change, rows.size()));
			}
			if (!rows.isEmpty()) {
				groups.add(new CompareView.Group(change,
						rows.stream()
							.sorted(Comparator.comparing(CaseRow::label, String.CASE_INSENSITIVE_ORDER)
								.thenComparing(CaseRow::testCaseId))
							.toList()));
			}
		}
		Integer change = (baseRate != null && headRate != null) ? headRate - baseRate : null;
		return new CompareView(base.id(), head.id(), Links.batch(agentId, base.id()), Links.batch(agentId, head.id()),
				Formats.timestamp(base.created()), Formats.timestamp(head.created()), Formats.percent(baseRate),
				Formats.percent(headRate), points(change),
				(change == null || change == 0) ? "flat" : (change > 0) ? "up" : "down", unlisted, counts, groups,
				changedCases, differ(agentId(base.agent()), agentId(head.agent())),
				CompareLinks.compare(agentId, head.id(), base.id()));
	}

	/**
	 * Which way a test case moved. Attempts without a verdict may still pass or fail, so
	 * a case moves only when it would whatever they turn out to be.
	 */
	static Change classify(Tally base, Tally head) {
		if (base == null) {
			return Change.ONLY_HEAD;
		}
		if (head == null) {
			return Change.ONLY_BASE;
		}
		if (base.attempts() == 0 || head.attempts() == 0) {
			return Change.UNDECIDED;
		}
		if (head.passed + head.notJudged < base.passed) {
			return Change.REGRESSION;
		}
		if (head.passed > base.passed + base.notJudged) {
			return Change.FIX;
		}
		if (base.notJudged > 0 || head.notJudged > 0) {
			return Change.UNDECIDED;
		}
		return (base.failed == 0 && head.failed == 0) ? Change.STILL_PASSING : Change.STILL_FAILING;
	}

	/** {@code +10 pts}, {@code −5 pts}, {@code ±0 pts}, or a dash. */
	static String points(Integer change) {
		if (change == null) {
			return "—";
		}
		if (change == 0) {
			return "±0 pts";
		}
		return ((change > 0) ? "+" + change : "−" + (-change)) + " pts";
	}

	private static String unlisted(Batch base, RunList baseRuns, Batch head, RunList headRuns) {
		if (!baseRuns.listed() && !headRuns.listed()) {
			return "either batch";
		}
		if (!baseRuns.listed()) {
			return "the base batch " + base.id();
		}
		if (!headRuns.listed()) {
			return "the head batch " + head.id();
		}
		return null;
	}

	private static CaseRow row(String agentId, String baseBatchId, Tally base, String headBatchId, Tally head) {
		Tally either = (head != null) ? head : base;
		Run baseFirst = (base != null) ? base.first() : null;
		Run headFirst = (head != null) ? head.first() : null;
		String diffHref = (baseFirst != null && headFirst != null)
				? CompareLinks.diff(agentId, baseBatchId, baseFirst.jobId(), headBatchId, headFirst.jobId()) : null;
		return new CaseRow(either.testCaseId, Formats.label(either.testCase()), classify(base, head),
				outcome(agentId, baseBatchId, base), outcome(agentId, headBatchId, head), warnings(base, head),
				diffHref);
	}

	private static Outcome outcome(String agentId, String batchId, Tally tally) {
		if (tally == null) {
			return Outcome.ABSENT;
		}
		String css;
		if (tally.failed > 0) {
			css = Verdict.FAILED.css();
		}
		else if (tally.notJudged > 0) {
			css = Verdict.RUNNING.css();
		}
		else if (tally.passed > 0) {
			css = Verdict.PASSED.css();
		}
		else {
			css = Verdict.UNJUDGED.css();
		}
		Run first = tally.first();
		String counts = tally.passed + "/" + tally.attempts()
				+ ((tally.overturned > 0) ? " (" + tally.overturned + " by review)" : "");
		return new Outcome(counts, css, tally.notJudged,
				(first != null) ? Links.run(agentId, batchId, first.jobId()) : null);
	}

	/**
	 * What changed between the batches besides the agent's answers, from the batches'
	 * test cases and from the runs' own copies of them.
	 */
	static List<String> warnings(Tally base, Tally head) {
		if (base == null || head == null) {
			return List.of();
		}
		Set<String> warnings = new LinkedHashSet<>();
		compare(base.fromBatch, head.fromBatch, warnings);
		compare(base.fromRun, head.fromRun, warnings);
		if (differ(base.agentId(), head.agentId())) {
			warnings.add("agent changed");
		}
		return List.copyOf(warnings);
	}

	private static void compare(TestCase base, TestCase head, Set<String> warnings) {
		if (base == null || head == null) {
			return;
		}
		if (!sameText(base.userPrompt(), head.userPrompt())) {
			warnings.add("prompt changed");
		}
		if (!sameText(base.successCriteria(), head.successCriteria())) {
			warnings.add("criteria changed");
		}
		if (!mock(base.mockData()).equals(mock(head.mockData()))) {
			warnings.add("mock data changed");
		}
		if (!sameText(base.model(), head.model())) {
			warnings.add("model changed");
		}
	}

	private static boolean sameText(String a, String b) {
		return Objects.equals((a != null) ? a : "", (b != null) ? b : "");
	}

	/** Mock data as name and value pairs, in no particular order. */
	private static List<List<String>> mock(List<MockVariable> variables) {
		return variables.stream()
			.map((variable) -> List.of(Objects.toString(variable.name(), ""), Objects.toString(variable.value(), "")))
			.sorted(Comparator.<List<String>, String>comparing((pair) -> pair.get(0))
				.thenComparing((pair) -> pair.get(1)))
			.toList();
	}

	private static boolean differ(String a, String b) {
		return a != null && b != null && !a.equals(b);
	}

	private static String agentId(Agent agent) {
		return (agent != null) ? agent.id() : null;
	}

	/** Each test case of a batch with its attempts counted, by test case ID. */
	static Map<String, Tally> tally(Side side) {
		Map<String, Tally> tallies = new LinkedHashMap<>();
		for (TestCase testCase : side.batch().testCases()) {
			tallies.computeIfAbsent(id(testCase), Tally::new).fromBatch = testCase;
		}
		for (Run run : side.runs().runs()) {
			tallies.computeIfAbsent(id(run.testCase()), Tally::new).add(run, side.reviews().get(run.jobId()));
		}
		return tallies;
	}

	private static String id(TestCase testCase) {
		return (testCase != null && testCase.id() != null) ? testCase.id() : "";
	}

	/** One test case's attempts in one batch. */
	static final class Tally {

		private final String testCaseId;

		private TestCase fromBatch;

		private TestCase fromRun;

		private Run first;

		private int passed;

		private int failed;

		private int notJudged;

		/** Attempts whose verdict a reviewer overturned: theirs is counted. */
		private int overturned;

		Tally(String testCaseId) {
			this.testCaseId = testCaseId;
		}

		void add(Run run, Review review) {
			if (review != null && review.overturns()) {
				this.overturned++;
			}
			switch (Verdict.of(run, review)) {
				case PASSED -> this.passed++;
				case FAILED -> this.failed++;
				default -> this.notJudged++;
			}
			if (this.first == null || Run.OLDEST_FIRST.compare(run, this.first) < 0) {
				this.first = run;
				if (run.testCase() != null) {
					this.fromRun = run.testCase();
				}
			}
		}

		int attempts() {
			return this.passed + this.failed + this.notJudged;
		}

		Run first() {
			return this.first;
		}

		TestCase testCase() {
			return (this.fromBatch != null) ? this.fromBatch : this.fromRun;
		}

		String agentId() {
			if (this.first != null && this.first.agent() != null) {
				return this.first.agent().id();
			}
			TestCase testCase = testCase();
			return (testCase != null) ? testCase.agentId() : null;
		}

	}

}
