package dev.simboard.compare;

import java.util.List;

/**
 * One test case on the compare page.
 *
 * @param testCaseId its ID
 * @param label its name
 * @param change how its outcome moved
 * @param base its attempts in the base batch
 * @param head its attempts in the head batch
 * @param warnings what changed between the batches besides the agent's answers, such as
 * {@code prompt changed}
 * @param diffHref the transcript diff of the first attempts, or {@code null} when either
 * is missing
 */
public record CaseRow(String testCaseId, String label, Change change, Outcome base, Outcome head, List<String> warnings,
		String diffHref) {

	public CaseRow {
		warnings = List.copyOf(warnings);
	}

}
