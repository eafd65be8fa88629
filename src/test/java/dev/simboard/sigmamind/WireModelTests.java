package dev.simboard.sigmamind;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import dev.simboard.model.Batch;
import dev.simboard.model.Conversation;
import dev.simboard.model.Run;
import dev.simboard.model.Verdict;
import dev.simboard.transcript.Speaker;
import dev.simboard.transcript.Transcript;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter's mapping: either dialect, with its nulls, becomes one model shape.
 */
class WireModelTests {

	private static final JsonNodeFactory json = JsonNodeFactory.instance;

	@Test
	void chatWhenContentIsArrayThenJoinsLinesAndKeepsToolCalls() {
		Chat chat = new Chat("chat_1", "ended", null, null,
				List.of(new ChatMessage("i1", "assistant", "message",
						json.arrayNode().add("Hello!").add("How can I help?")),
						new ChatMessage("i2", "assistant", "tool_call", json.objectNode().put("name", "lookup_order")),
						new ChatMessage("i3", "system", null, json.stringNode("Call transferred"))));
		dev.simboard.model.Chat mapped = WireModel.chat(chat);
		assertThat(mapped.ended()).isTrue();
		Transcript transcript = Transcript.of(mapped.conversation());
		assertThat(transcript.source()).isEqualTo(Conversation.Source.CHAT);
		assertThat(transcript.turns()).hasSize(3);
		assertThat(transcript.turns().get(0).text()).isEqualTo("Hello!\nHow can I help?");
		assertThat(transcript.turns().get(1).message()).isFalse();
		assertThat(transcript.turns().get(1).text()).contains("lookup_order");
		assertThat(transcript.turns().get(2).speaker()).isEqualTo(Speaker.OTHER);
		assertThat(transcript.turns().get(2).text()).isEqualTo("Call transferred");
	}

	@Test
	void runWhenNewerDialectThenConversationFromTheRunWithEmptyTextForNull() {
		Run run = WireModel.run(new TestRun("batch_1", "org_1", null, null, "job_1", "chat_1", Instant.EPOCH,
				Instant.EPOCH.plusSeconds(5), true, "ok",
				List.of(new ConversationMessage("user", "Hi"), new ConversationMessage("assistant", null))));
		assertThat(run.conversation().source()).isEqualTo(Conversation.Source.RUN);
		assertThat(run.conversation().messages()).extracting(dev.simboard.model.Message::text)
			.containsExactly("Hi", "");
		assertThat(run.conversation().messages()).allMatch((message) -> "message".equals(message.type()));
		assertThat(run.verdict()).isEqualTo(Verdict.PASSED);
		assertThat(run.finished()).isTrue();
		assertThat(run.agent()).isNull();
		assertThat(run.testCase()).isNull();
	}

	@Test
	void runWhenOlderDialectThenNoConversationAndTheChatToRead() {
		Run run = WireModel
			.run(new TestRun("batch_1", null, null, null, "job_1", "chat-1", Instant.EPOCH, null, null, null, null));
		assertThat(run.conversation()).isEqualTo(Conversation.NONE);
		assertThat(run.chatId()).isEqualTo("chat-1");
		assertThat(run.verdict()).isEqualTo(Verdict.PENDING);
		assertThat(run.finished()).isFalse();
	}

	@Test
	void batchWhenCountsMissingThenZeroAndTotalFromJudged() {
		Batch batch = WireModel.batch(new BatchRun("batch_1", null, null, null, null, 3, 1, null));
		assertThat(batch.passed()).isEqualTo(3);
		assertThat(batch.failed()).isEqualTo(1);
		assertThat(batch.total()).isEqualTo(4);
		assertThat(batch.testCases()).isEmpty();
		assertThat(batch.finished()).isTrue();
		assertThat(WireModel.batch(new BatchRun("batch_2", null, null, null, null, null, null, null)).total()).isZero();
	}

	@Test
	void agentWhenNameOrStatusMissingThenIdAndEmpty() {
		dev.simboard.model.Agent agent = WireModel.agent(new Agent("agent_1", " ", null));
		assertThat(agent.name()).isEqualTo("agent_1");
		assertThat(agent.status()).isEmpty();
	}

	@Test
	void testCaseWhenLabelMissingThenNamedByItsIdAndMockDataNeverNull() {
		dev.simboard.model.TestCase testCase = WireModel.testCase(
				new TestCase("tc_1", null, new Agent("agent_1", "A", "Live"), null, null, null, null, null, null));
		assertThat(testCase.label()).isNull();
		assertThat(testCase.name()).isEqualTo("tc_1");
		assertThat(testCase.agentId()).isEqualTo("agent_1");
		assertThat(testCase.mockData()).isEmpty();
	}

}
