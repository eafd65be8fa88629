package dev.simboard.sigmamind;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A batch run: test cases played against one agent. It has no status field; a batch whose
 * judged attempts are fewer than its total is still running.
 *
 * @param batchId opaque ID, {@code batch_…}
 * @param workspaceId the workspace, {@code org_…}
 * @param agent the agent under test
 * @param createdDate when the batch started
 * @param testCases the cases it plays
 * @param successfulAttempts attempts judged successful
 * @param failedAttempts attempts judged failed
 * @param totalAttempts all attempts, judged or not
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BatchRun(String batchId, String workspaceId, Agent agent, Instant createdDate, List<TestCase> testCases,
		Integer successfulAttempts, Integer failedAttempts, Integer totalAttempts) {

	public BatchRun {
		testCases = (testCases != null) ? List.copyOf(testCases) : List.of();
	}

}
