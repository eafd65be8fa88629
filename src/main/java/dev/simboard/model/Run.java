package dev.simboard.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * One attempt of a test case (a "job"), with the judge's verdict once it has finished.
 *
 * @param jobId opaque ID, {@code job_…}
 * @param batchId the batch it belongs to
 * @param agent the agent under test, or {@code null} when SigmaMind names none
 * @param testCase the case played, or {@code null} when SigmaMind names none
 * @param chatId the chat session holding its conversation, or {@code null}
 * @param created when it started, or {@code null}
 * @param completed when it finished; {@code null} while running
 * @param verdict the judge's verdict
 * @param remarks the judge's reasoning about the actual outcome, or {@code null}
 * @param conversation its own conversation; {@link Conversation#NONE} when SigmaMind sent
 * none with it, and its chat may hold it
 */
public record Run(String jobId, String batchId, Agent agent, TestCase testCase, String chatId, Instant created,
		Instant completed, Verdict verdict, String remarks, Conversation conversation) {

	/** Runs by start time, oldest first; runs without one last. */
	public static final Comparator<Run> OLDEST_FIRST = Comparator.comparing(Run::created,
			Comparator.nullsLast(Comparator.naturalOrder()));

	/** Whether the judge has spoken and the run is over: it never changes again. */
	public boolean finished() {
		return this.completed != null && this.verdict.judged();
	}

	/** How long it took; {@code null} when either end is missing or they disagree. */
	public Duration duration() {
		return (this.created != null && this.completed != null && !this.completed.isBefore(this.created))
				? Duration.between(this.created, this.completed) : null;
	}

	/** Its test case's ID, or {@code null}. */
	public String testCaseId() {
		return (this.testCase != null) ? this.testCase.id() : null;
	}

}
