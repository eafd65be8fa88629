package dev.simboard.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.simboard.catalog.RunList;
import dev.simboard.model.Attempt;
import dev.simboard.model.Batch;
import dev.simboard.model.Review;
import dev.simboard.model.Run;
import dev.simboard.model.TestCase;

/**
 * One batch run of a history window with its runs grouped by test case.
 */
final class BatchEntry {

	private final Batch batch;

	private final RunList runs;

	private final Map<String, List<Run>> byCase = new HashMap<>();

	private final Map<String, Review> reviews;

	/**
	 * @param batch the batch run
	 * @param runs its runs, or {@code null} when SigmaMind did not give them just now
	 * @param reviews the current reviews of its runs, by job ID
	 */
	BatchEntry(Batch batch, RunList runs, Map<String, Review> reviews) {
		this.batch = batch;
		this.runs = runs;
		this.reviews = reviews;
		if (runs != null) {
			for (Run run : runs.runs()) {
				if (run.testCaseId() != null) {
					this.byCase.computeIfAbsent(run.testCaseId(), (id) -> new ArrayList<>()).add(run);
				}
			}
			this.byCase.values().forEach((group) -> group.sort(Run.OLDEST_FIRST));
		}
	}

	Batch batch() {
		return this.batch;
	}

	/** Whether the runs of this batch are known. */
	boolean listed() {
		return this.runs != null && this.runs.listed();
	}

	/** The attempts of a test case, oldest first; empty when it was not played. */
	List<Run> attempts(String testCaseId) {
		return this.byCase.getOrDefault(testCaseId, List.of());
	}

	/** The IDs of the test cases played in this batch. */
	Iterable<String> testCaseIds() {
		return this.byCase.keySet();
	}

	/** The run's current review, or {@code null}. */
	Review review(String jobId) {
		return this.reviews.get(jobId);
	}

	Attempt attempt(String jobId) {
		return (this.runs != null) ? this.runs.attempt(jobId) : null;
	}

	/** The test case as this batch describes it, or {@code null}. */
	TestCase testCase(String testCaseId) {
		for (TestCase testCase : this.batch.testCases()) {
			if (testCaseId.equals(testCase.id())) {
				return testCase;
			}
		}
		List<Run> attempts = attempts(testCaseId);
		return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1).testCase();
	}

}
