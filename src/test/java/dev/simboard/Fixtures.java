package dev.simboard;

import java.time.Instant;
import java.util.List;

import dev.simboard.catalog.Fresh;
import dev.simboard.model.Agent;
import dev.simboard.model.Batch;
import dev.simboard.model.Conversation;
import dev.simboard.model.Id;
import dev.simboard.model.Message;
import dev.simboard.model.MockVariable;
import dev.simboard.model.Run;
import dev.simboard.model.TestCase;
import dev.simboard.model.Verdict;

/**
 * Simboard's model values shaped like SigmaMind's documented examples, for page tests.
 */
public final class Fixtures {

	public static final String AGENT_ID = "agent_D5D0p7TUs66TTAEAx";

	public static final String BATCH_ID = "batch_s0OJu2JWR8R45Fai";

	public static final String JOB_ID = "job_ksUu5yRHGTLLrLeM";

	public static final Id AGENT = Id.of(AGENT_ID);

	public static final Id BATCH = Id.of(BATCH_ID);

	public static final Id JOB = Id.of(JOB_ID);

	public static final Instant CREATED = Instant.parse("2026-03-26T10:52:45.565Z");

	private Fixtures() {
	}

	/** A value as freshly fetched. */
	public static <T> Fresh<T> fresh(T value) {
		return Fresh.of(value, Instant.now());
	}

	public static Agent agent() {
		return new Agent(AGENT_ID, "Billing Support", "Live");
	}

	public static TestCase testCase(String id, String label) {
		return new TestCase(id, label, AGENT_ID, "gpt-4o-mini", List.of(new MockVariable("customer_name", "John Doe")),
				"You are an angry customer who wants to cancel.", 2,
				"The agent confirms the cancellation and offers a retention discount.");
	}

	/** A message of a run's own conversation. */
	public static Message message(String role, String text) {
		return new Message(role, Message.MESSAGE, text);
	}

	/** A run's own conversation; {@code null} for none, as in the older dialect. */
	public static Conversation conversation(List<Message> messages) {
		return (messages != null) ? new Conversation(Conversation.Source.RUN, messages) : Conversation.NONE;
	}

	public static Run run(String jobId, TestCase testCase, Boolean successful, Instant created,
			List<Message> conversation) {
		Instant completed = (successful != null) ? created.plusSeconds(125) : null;
		return new Run(jobId, BATCH_ID, agent(), testCase, "chat_IpELinkFvINQ1212", created, completed,
				Verdict.of(successful), (successful != null) ? "The Agent maintained focus on the cancellation." : null,
				conversation(conversation));
	}

	public static Run finishedRun(List<Message> conversation) {
		return run(JOB_ID, testCase("tc_d17T6uReChpyfFeP", "Angry Customer - Cancellation Flow"), true, CREATED,
				conversation);
	}

	public static Batch batch(int passed, int failed, int total, List<TestCase> testCases) {
		return new Batch(BATCH_ID, agent(), Instant.parse("2026-03-26T10:50:00.000Z"), testCases, passed, failed,
				total);
	}

}
