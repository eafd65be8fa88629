package dev.simboard;

import java.time.Instant;
import java.util.List;

import dev.simboard.catalog.Fresh;
import dev.simboard.sigmamind.Agent;
import dev.simboard.sigmamind.BatchRun;
import dev.simboard.sigmamind.ConversationMessage;
import dev.simboard.sigmamind.MockVariable;
import dev.simboard.sigmamind.TestCase;
import dev.simboard.sigmamind.TestRun;

/**
 * Records shaped like SigmaMind's documented examples, for page tests.
 */
public final class Fixtures {

	public static final String AGENT_ID = "agent_D5D0p7TUs66TTAEAx";

	public static final String BATCH_ID = "batch_s0OJu2JWR8R45Fai";

	public static final String JOB_ID = "job_ksUu5yRHGTLLrLeM";

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
		return new TestCase(id, label, agent(), "org_V6eZ2zg8ziDx5pft", "gpt-4o-mini",
				List.of(new MockVariable("customer_name", "John Doe")),
				"You are an angry customer who wants to cancel.", 2,
				"The agent confirms the cancellation and offers a retention discount.");
	}

	public static TestRun run(String jobId, TestCase testCase, Boolean successful, Instant created,
			List<ConversationMessage> conversation) {
		Instant completed = (successful != null) ? created.plusSeconds(125) : null;
		return new TestRun(BATCH_ID, "org_V6eZ2zg8ziDx5pft", agent(), testCase, jobId, "chat_IpELinkFvINQ1212", created,
				completed, successful, (successful != null) ? "The Agent maintained focus on the cancellation." : null,
				conversation);
	}

	public static TestRun finishedRun(List<ConversationMessage> conversation) {
		return run(JOB_ID, testCase("tc_d17T6uReChpyfFeP", "Angry Customer - Cancellation Flow"), true, CREATED,
				conversation);
	}

	public static BatchRun batch(int passed, int failed, int total, List<TestCase> testCases) {
		return new BatchRun(BATCH_ID, "org_V6eZ2zg8ziDx5pft", agent(), Instant.parse("2026-03-26T10:50:00.000Z"),
				testCases, passed, failed, total);
	}

}
