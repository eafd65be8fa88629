package dev.simboard.sigmamind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Maps SigmaMind's documented shapes, in both dialects, with a plain Jackson 3 mapper.
 */
class ApiRecordsTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void testRunWhenNewDialectThenReadsVerdictAndConversation() {
		TestRun run = read("testRun-newDialect", TestRun.class);
		assertThat(run.batchId()).isEqualTo("batch_s0OJu2JWR8R45Fai");
		assertThat(run.workspaceId()).isEqualTo("org_V6eZ2zg8ziDx5pft");
		assertThat(run.jobId()).isEqualTo("job_ksUu5yRHGTLLrLeM");
		assertThat(run.chatId()).isEqualTo("chat_IpELinkFvINQ1212");
		assertThat(run.agent()).isEqualTo(new Agent("agent_D5D0p7TUs66TTAEAx", "New AI Agent", "Live"));
		assertThat(run.successful()).isTrue();
		assertThat(run.remarks()).isEqualTo("The Agent successfully maintained focus on the cancellation.");
		assertThat(run.conversation()).extracting(ConversationMessage::role, ConversationMessage::content)
			.containsExactly(tuple("user", "I want to cancel my subscription immediately."),
					tuple("assistant", "I can help with that. May I have your account email?"));
		assertThat(WireModel.run(run).finished()).isTrue();
	}

	@Test
	void testRunWhenNewDialectThenReadsTestCaseWithExpectedOutcome() {
		TestCase testCase = read("testRun-newDialect", TestRun.class).testCase();
		assertThat(testCase.testCaseId()).isEqualTo("tc_d17T6uReChpyfFeP");
		assertThat(testCase.label()).isEqualTo("Angry Customer - Cancellation Flow");
		assertThat(testCase.workspaceId()).isEqualTo("org_V6eZ2zg8ziDx5pft");
		assertThat(testCase.llmModel()).isEqualTo("gpt-4o-mini");
		assertThat(testCase.userPrompt()).isEqualTo("You are an angry customer who wants to cancel.");
		assertThat(testCase.attempt()).isEqualTo(5);
		assertThat(testCase.successCriteria())
			.isEqualTo("The agent confirms the cancellation and offers a retention discount.");
		assertThat(testCase.mockData()).containsExactly(new MockVariable("customer_name", "John Doe"));
		assertThat(testCase.agent().name()).isEqualTo("New AI Agent");
	}

	@Test
	void testRunWhenTimestampsHaveMillisecondsThenReadsInstants() {
		TestRun run = read("testRun-newDialect", TestRun.class);
		assertThat(run.createdDate()).isEqualTo(Instant.parse("2026-03-26T10:52:45.565Z"));
		assertThat(run.completedDate()).isEqualTo(Instant.parse("2026-03-26T10:54:45.565Z"));
		assertThat(run.createdDate().toEpochMilli() % 1000).isEqualTo(565);
	}

	@Test
	void testRunWhenOlderDialectThenReadsIsSuccesful() {
		TestRun run = read("testRun-olderDialect", TestRun.class);
		assertThat(run.successful()).isFalse();
		assertThat(run.remarks()).isEqualTo("The Agent never confirmed the cancellation.");
		assertThat(run.chatId()).isEqualTo("chat-IpELinkFvINQ1212");
		assertThat(WireModel.run(run).finished()).isTrue();
	}

	@Test
	void testRunWhenOlderDialectThenHasNoConversation() {
		TestRun run = read("testRun-olderDialect", TestRun.class);
		assertThat(run.conversation()).isNull();
		assertThat(run.testCase().mockData()).isEmpty();
		assertThat(run.testCase().successCriteria()).isEqualTo("The agent confirms the cancellation.");
	}

	@Test
	void testRunWhenRunningThenIsNotFinished() {
		TestRun run = read("testRun-running", TestRun.class);
		assertThat(run.completedDate()).isNull();
		assertThat(run.successful()).isNull();
		assertThat(run.remarks()).isNull();
		assertThat(run.testCase()).isNull();
		assertThat(WireModel.run(run).finished()).isFalse();
	}

	@Test
	void testRunWhenCompletedWithoutVerdictThenIsNotFinished() {
		TestRun run = new TestRun("batch_1", null, null, null, "job_1", null, Instant.parse("2026-03-26T10:52:45.565Z"),
				Instant.parse("2026-03-26T10:54:45.565Z"), null, null, null);
		assertThat(WireModel.run(run).finished()).isFalse();
	}

	@Test
	void pageWhenTotalCountThenReadsEnvelope() {
		ApiPage<BatchRun> page = read("batchRuns-totalCount", new TypeReference<ApiPage<BatchRun>>() {
		});
		assertThat(page.page()).isZero();
		assertThat(page.size()).isEqualTo(20);
		assertThat(page.totalCount()).isEqualTo(125L);
		assertThat(page.totalPages()).isEqualTo(7);
		assertThat(page.hasNext()).isTrue();
		assertThat(page.hasPrevious()).isFalse();
		assertThat(page.more()).isTrue();
		assertThat(page.data()).extracting(BatchRun::batchId)
			.containsExactly("batch_s0OJu2JWR8R45Fai", "batch_older0000000001");
	}

	@Test
	void pageWhenTotalCountsThenReadsTotal() {
		ApiPage<TestRun> page = read("testRuns-totalCounts", new TypeReference<ApiPage<TestRun>>() {
		});
		assertThat(page.totalCount()).isEqualTo(101L);
		assertThat(page.page()).isEqualTo(2);
		assertThat(page.hasPrevious()).isTrue();
		assertThat(page.more()).isFalse();
		assertThat(page.data()).singleElement().satisfies((run) -> {
			assertThat(run.jobId()).isEqualTo("job_ksUu5yRHGTLLrLeM");
			assertThat(run.successful()).isTrue();
		});
	}

	@Test
	void pageWhenOnlyTotalPagesThenMoreFollowsTotalPages() {
		ApiPage<Agent> page = read("page-totalPagesOnly", new TypeReference<ApiPage<Agent>>() {
		});
		assertThat(page.hasNext()).isNull();
		assertThat(page.totalCount()).isNull();
		assertThat(page.more()).isTrue();
	}

	@Test
	void moreWhenHasNextThenHasNextWins() {
		assertThat(new ApiPage<Agent>(List.of(), 0, 20, 125L, 7, false, false).more()).isFalse();
		assertThat(new ApiPage<Agent>(List.of(), 6, 20, 125L, 7, true, true).more()).isTrue();
	}

	@Test
	void moreWhenNoHasNextThenReadsTotalPages() {
		assertThat(new ApiPage<Agent>(List.of(), 0, 20, null, 7, null, null).more()).isTrue();
		assertThat(new ApiPage<Agent>(List.of(), 5, 20, null, 7, null, null).more()).isTrue();
		assertThat(new ApiPage<Agent>(List.of(), 6, 20, null, 7, null, null).more()).isFalse();
		assertThat(new ApiPage<Agent>(List.of(), null, 20, null, 1, null, null).more()).isFalse();
		assertThat(new ApiPage<Agent>(List.of(), null, 20, null, 2, null, null).more()).isTrue();
	}

	@Test
	void moreWhenNeitherHasNextNorTotalPagesThenFalse() {
		assertThat(new ApiPage<Agent>(null, null, null, null, null, null, null).more()).isFalse();
	}

	@Test
	void pageWhenDataAbsentThenEmptyList() {
		ApiPage<Agent> page = this.mapper.readValue("{\"page\":0}", new TypeReference<ApiPage<Agent>>() {
		});
		assertThat(page.data()).isEmpty();
	}

	@Test
	void agentWhenOneAgentEndpointThenReadsAgentNameAndIgnoresSettings() {
		Agent agent = read("agent-one", Agent.class);
		assertThat(agent).isEqualTo(new Agent("agent_D5D0p7TUs66TTAEAx", "Billing Support", "active"));
	}

	@Test
	void agentsWhenListedThenReadsName() {
		ApiPage<Agent> page = read("agents", new TypeReference<ApiPage<Agent>>() {
		});
		assertThat(page.data()).containsExactly(new Agent("agent_D5D0p7TUs66TTAEAx", "New AI Agent", "Live"),
				new Agent("8f1c2d", "Unprefixed Agent", "Testing"));
		assertThat(page.totalCount()).isEqualTo(2L);
		assertThat(page.more()).isFalse();
	}

	@Test
	void chatWhenMessagesThenReadsMessagesJoiningContentByNewline() {
		Chat chat = read("chat-messages", Chat.class);
		assertThat(chat.chatId()).isEqualTo("chat_IpELinkFvINQ1212");
		assertThat(chat.status()).isEqualTo("ended");
		assertThat(chat.ended()).isTrue();
		assertThat(chat.createdAt()).isEqualTo(Instant.parse("2026-03-26T10:52:45.565Z"));
		assertThat(chat.transcript()).startsWith("assistant: Hello!");
		assertThat(chat.messages()).extracting(ChatMessage::id, ChatMessage::role, ChatMessage::type, ChatMessage::text)
			.containsExactly(tuple("chat-item-G9Ydh01", "assistant", "message", "Hello!\nHow can I help?"),
					tuple("chat-item-G9Ydh02", "user", "message", "I want to cancel."));
	}

	@Test
	void chatWhenItemsThenReadsItemsAsMessages() {
		Chat chat = read("chat-items", Chat.class);
		assertThat(chat.chatId()).isEqualTo("chat-IpELinkFvINQ1212");
		assertThat(chat.ended()).isFalse();
		assertThat(chat.transcript()).isNull();
		assertThat(chat.messages()).extracting(ChatMessage::id)
			.containsExactly("chat-item-A1", "chat-item-A2", "chat-item-A3", "chat-item-A4");
		assertThat(chat.messages().get(0).text()).isEqualTo("Where is my refund?");
		assertThat(chat.messages().get(2).text()).isEqualTo("It was sent yesterday.");
		assertThat(chat.messages().get(3).text()).isEmpty();
	}

	@Test
	void chatWhenToolCallWithObjectContentThenKeepsJsonText() {
		ChatMessage toolCall = read("chat-items", Chat.class).messages().get(1);
		assertThat(toolCall.type()).isEqualTo("function_call");
		assertThat(toolCall.text()).isEqualTo("{\"name\":\"lookup_refund\",\"arguments\":{\"orderId\":\"42\"}}");
		assertThat(this.mapper.readTree(toolCall.text()).path("arguments").path("orderId").asString()).isEqualTo("42");
	}

	@Test
	void chatWhenStatusErrorThenEnded() {
		assertThat(new Chat("chat_1", "error", null, null, null).ended()).isTrue();
		assertThat(new Chat("chat_1", null, null, null, null).ended()).isFalse();
		assertThat(new Chat("chat_1", null, null, null, null).messages()).isEmpty();
	}

	@Test
	void chatMessageWhenNoContentThenEmptyText() {
		assertThat(new ChatMessage("chat-item-1", "user", "message", null).text()).isEmpty();
	}

	@Test
	void batchRunWhenJudgedFewerThanTotalThenRunning() {
		BatchRun batch = read("batchRun-running", BatchRun.class);
		assertThat(batch.createdDate()).isEqualTo(Instant.parse("2026-03-26T10:50:00Z"));
		assertThat(batch.testCases()).isEmpty();
		assertThat(WireModel.batch(batch).passed()).isEqualTo(7);
		assertThat(WireModel.batch(batch).failed()).isEqualTo(3);
		assertThat(WireModel.batch(batch).total()).isEqualTo(12);
		assertThat(WireModel.batch(batch).running()).isTrue();
	}

	@Test
	void batchRunWhenAllJudgedThenNotRunning() {
		BatchRun batch = read("batchRuns-totalCount", new TypeReference<ApiPage<BatchRun>>() {
		}).data().get(1);
		assertThat(batch.createdDate()).isEqualTo(Instant.parse("2026-03-25T09:00:00.123Z"));
		assertThat(WireModel.batch(batch).running()).isFalse();
	}

	@Test
	void batchRunWhenCountsAbsentThenNotRunning() {
		BatchRun batch = new BatchRun("batch_1", null, null, null, null, null, null, null);
		assertThat(WireModel.batch(batch).total()).isZero();
		assertThat(WireModel.batch(batch).running()).isFalse();
	}

	@Test
	void batchRunWhenTestCasesListedThenReadsThem() {
		BatchRun batch = read("batchRuns-totalCount", new TypeReference<ApiPage<BatchRun>>() {
		}).data().get(0);
		assertThat(batch.workspaceId()).isEqualTo("org_V6eZ2zg8ziDx5pft");
		assertThat(batch.agent().agentId()).isEqualTo("agent_D5D0p7TUs66TTAEAx");
		assertThat(batch.testCases()).extracting(TestCase::testCaseId, TestCase::attempt)
			.containsExactly(tuple("tc_d17T6uReChpyfFeP", 5), tuple("tc_a27T6uReChpyfFeQ", 7));
		assertThat(WireModel.batch(batch).running()).isTrue();
	}

	@Test
	void testCasesWhenBareArrayThenReadsMockData() {
		List<TestCase> testCases = read("testCases", new TypeReference<List<TestCase>>() {
		});
		assertThat(testCases).extracting(TestCase::testCaseId)
			.containsExactly("tc_d17T6uReChpyfFeP", "tc_noMockData000001");
		assertThat(testCases.get(0).mockData()).containsExactly(new MockVariable("customer_name", "John Doe"),
				new MockVariable("plan", "Premium"));
		assertThat(testCases.get(1).mockData()).isEmpty();
		assertThat(testCases.get(1).agent()).isNull();
	}

	private <T> T read(String name, Class<T> type) {
		return this.mapper.readValue(fixture(name), type);
	}

	private <T> T read(String name, TypeReference<T> type) {
		return this.mapper.readValue(fixture(name), type);
	}

	private static byte[] fixture(String name) {
		String resource = ApiRecordsTests.class.getSimpleName() + "-" + name + ".json";
		try (InputStream in = ApiRecordsTests.class.getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
