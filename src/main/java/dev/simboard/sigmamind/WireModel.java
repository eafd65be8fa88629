package dev.simboard.sigmamind;

import java.util.ArrayList;
import java.util.List;

import dev.simboard.model.Batch;
import dev.simboard.model.Chat;
import dev.simboard.model.Conversation;
import dev.simboard.model.Message;
import dev.simboard.model.MockVariable;
import dev.simboard.model.Page;
import dev.simboard.model.Run;
import dev.simboard.model.TestCase;
import dev.simboard.model.Verdict;

/**
 * Turns SigmaMind's wire records, in either dialect, into Simboard's model: the one place
 * that knows the wire's nulls, spellings and shapes. It runs once per answer, as the
 * answer arrives, so the catalog caches model values and no page maps anything.
 */
final class WireModel {

	private WireModel() {
	}

	static dev.simboard.model.Agent agent(Agent agent) {
		if (agent == null) {
			return null;
		}
		String name = (agent.name() != null && !agent.name().isBlank()) ? agent.name() : agent.agentId();
		return new dev.simboard.model.Agent(agent.agentId(), name, (agent.status() != null) ? agent.status() : "");
	}

	static List<dev.simboard.model.Agent> agents(List<Agent> agents) {
		return agents.stream().map(WireModel::agent).toList();
	}

	static TestCase testCase(dev.simboard.sigmamind.TestCase testCase) {
		if (testCase == null) {
			return null;
		}
		List<MockVariable> mockData = testCase.mockData()
			.stream()
			.map((variable) -> new MockVariable(variable.variableName(), variable.value()))
			.toList();
		return new TestCase(testCase.testCaseId(), testCase.label(),
				(testCase.agent() != null) ? testCase.agent().agentId() : null, testCase.llmModel(), mockData,
				testCase.userPrompt(), testCase.attempt(), testCase.successCriteria());
	}

	static List<TestCase> testCases(List<dev.simboard.sigmamind.TestCase> testCases) {
		return testCases.stream().map(WireModel::testCase).toList();
	}

	/** A batch with its counts settled: a missing total is what is judged so far. */
	static Batch batch(BatchRun batch) {
		int passed = (batch.successfulAttempts() != null) ? batch.successfulAttempts() : 0;
		int failed = (batch.failedAttempts() != null) ? batch.failedAttempts() : 0;
		int total = (batch.totalAttempts() != null) ? batch.totalAttempts() : passed + failed;
		return new Batch(batch.batchId(), agent(batch.agent()), batch.createdDate(), testCases(batch.testCases()),
				passed, failed, total);
	}

	/**
	 * A run. The newer dialect sends its {@code conversation}, where content is one
	 * string; the older sends none, and its chat has it.
	 */
	static Run run(TestRun run) {
		Conversation conversation = Conversation.NONE;
		if (run.conversation() != null) {
			List<Message> messages = new ArrayList<>(run.conversation().size());
			for (ConversationMessage message : run.conversation()) {
				messages.add(new Message(message.role(), Message.MESSAGE, message.content()));
			}
			conversation = new Conversation(Conversation.Source.RUN, messages);
		}
		return new Run(run.jobId(), run.batchId(), agent(run.agent()), testCase(run.testCase()), run.chatId(),
				run.createdDate(), run.completedDate(), Verdict.of(run.successful()), run.remarks(), conversation);
	}

	/**
	 * A chat session, where content is an array and other item types (tool calls) may
	 * appear: kept as JSON text rather than dropped.
	 */
	static Chat chat(dev.simboard.sigmamind.Chat chat) {
		List<Message> messages = new ArrayList<>(chat.messages().size());
		for (ChatMessage message : chat.messages()) {
			messages.add(new Message(message.role(), message.type(), message.text()));
		}
		return new Chat(chat.chatId(), chat.ended(), messages);
	}

	static <W, M> Page<M> page(ApiPage<W> page, java.util.function.Function<W, M> item) {
		return new Page<>(page.data().stream().map(item).toList(), page.more(), page.totalPages(), page.totalCount());
	}

}
