package dev.simboard.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.simboard.model.Attempt;
import dev.simboard.model.Batch;
import dev.simboard.model.Run;

/**
 * The test runs of a batch, each numbered within its test case, or word that SigmaMind
 * does not list them.
 */
public final class RunList {

	private final List<Run> runs;

	private final boolean listed;

	private final Map<String, Attempt> attempts;

	private final boolean complete;

	private RunList(List<Run> runs, boolean listed, boolean complete) {
		this.runs = List.copyOf(runs);
		this.listed = listed;
		this.attempts = number(this.runs);
		this.complete = complete;
	}

	/** The runs SigmaMind listed, of a batch that may still be running. */
	public static RunList listed(List<Run> runs) {
		return new RunList(runs, true, false);
	}

	/**
	 * The runs SigmaMind listed; complete, and so never to change, when the batch is
	 * finished and every one of its runs is listed and finished.
	 */
	static RunList listed(List<Run> runs, Batch batch) {
		boolean complete = batch.finished() && runs.size() >= batch.total() && runs.stream().allMatch(Run::finished);
		return new RunList(runs, true, complete);
	}

	/** Word that SigmaMind does not list the runs of a batch. */
	public static RunList unlisted() {
		return new RunList(List.of(), false, false);
	}

	/** The runs, newest first as SigmaMind lists them; empty when not listed. */
	public List<Run> runs() {
		return this.runs;
	}

	/** Whether SigmaMind answered the list call. */
	public boolean listed() {
		return this.listed;
	}

	/** Which attempt of its test case a run is, or {@code null} for a run not listed. */
	public Attempt attempt(String jobId) {
		return this.attempts.get(jobId);
	}

	/** Whether this list can never change: see {@link #listed(List, Batch)}. */
	boolean finished() {
		return this.complete;
	}

	private static Map<String, Attempt> number(List<Run> runs) {
		Map<String, List<Run>> byCase = new HashMap<>();
		for (Run run : runs) {
			String key = (run.testCaseId() != null) ? run.testCaseId() : "";
			byCase.computeIfAbsent(key, (k) -> new ArrayList<>()).add(run);
		}
		Map<String, Attempt> numbered = new HashMap<>(runs.size() * 2);
		for (List<Run> group : byCase.values()) {
			group.sort(Run.OLDEST_FIRST);
			Integer planned = (group.get(0).testCase() != null) ? group.get(0).testCase().attempts() : null;
			int of = Math.max(group.size(), (planned != null) ? planned : 0);
			for (int i = 0; i < group.size(); i++) {
				numbered.put(group.get(i).jobId(), new Attempt(i + 1, of));
			}
		}
		return numbered;
	}

}
