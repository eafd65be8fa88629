package dev.simboard.archive;

import java.time.Instant;
import java.util.Objects;

import dev.simboard.model.Id;
import dev.simboard.model.Verdict;

/**
 * A finished run as the archive keeps it: SigmaMind's JSON as Simboard read it, and the
 * columns that find and filter it. Times are kept to the microsecond.
 *
 * @param jobId the run's ID, unique in the archive
 * @param agentId the agent it was played against (the address's, when SigmaMind names
 * none)
 * @param batchId its batch
 * @param chatId its chat session, or {@code null}
 * @param testCaseId its test case, or {@code null}
 * @param testCaseLabel its test case's label, or {@code null}
 * @param outcome the judge's verdict
 * @param created when it started, or {@code null}
 * @param completed when it finished, or {@code null}
 * @param archivedAt when Simboard archived it; retention counts from here
 * @param runJson the run as SigmaMind sent it
 * @param chatJson its chat as SigmaMind sent it, for a run of the older dialect whose
 * conversation is there; else {@code null}
 */
public record ArchivedRun(String jobId, String agentId, String batchId, String chatId, String testCaseId,
		String testCaseLabel, Verdict outcome, Instant created, Instant completed, Instant archivedAt, String runJson,
		String chatJson) {

	public ArchivedRun {
		requireId("jobId", jobId);
		requireId("agentId", agentId);
		requireId("batchId", batchId);
		if (chatId != null) {
			requireId("chatId", chatId);
		}
		if (testCaseId != null) {
			requireId("testCaseId", testCaseId);
		}
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(archivedAt, "archivedAt");
		Objects.requireNonNull(runJson, "runJson");
	}

	static void requireId(String name, String id) {
		if (!Id.valid(id)) {
			throw new IllegalArgumentException(name + " " + Id.MESSAGE);
		}
	}

}
