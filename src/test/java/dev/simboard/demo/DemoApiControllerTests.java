package dev.simboard.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.simboard.demo.DemoData.Agent;
import dev.simboard.demo.DemoData.Batch;
import dev.simboard.demo.DemoData.Landmarks;
import dev.simboard.demo.DemoData.Run;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class DemoApiControllerTests {

	private static final String KEY = "demo_0123456789abcdefghijklmnopqrstuv";

	private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

	private final DemoData data = new DemoData(DemoProperties.defaults(), DemoDataTests.NOW);

	private final Landmarks landmarks = this.data.landmarks();

	private final Agent agent = this.landmarks.agent();

	private final MockMvc mvc = mvc(this.data);

	@Test
	void agentsWhenNoKeyThenUnauthorized() throws Exception {
		this.mvc.perform(get("/demo-api/v1/agents"))
			.andExpect(status().isUnauthorized())
			.andExpect(error(401, "Unauthorized", "/v1/agents"))
			.andExpect(content().string(not(containsString(KEY))));
	}

	@Test
	void agentsWhenWrongKeyThenUnauthorized() throws Exception {
		this.mvc.perform(get("/demo-api/v1/agents").header("X-API-Key", "demo_guess"))
			.andExpect(status().isUnauthorized())
			.andExpect(error(401, "Unauthorized", "/v1/agents"))
			.andExpect(content().string(not(containsString("demo_guess"))))
			.andExpect(content().string(not(containsString(KEY))));
	}

	@Test
	void agentsWhenKeyIsAPrefixOfTheRealOneThenUnauthorized() throws Exception {
		this.mvc.perform(get("/demo-api/v1/agents").header("X-API-Key", KEY.substring(0, 10)))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void batchRunsWhenNoKeyAndNoAgentIdThenUnauthorizedFirst() throws Exception {
		this.mvc.perform(get("/demo-api/v1/batch-runs"))
			.andExpect(status().isUnauthorized())
			.andExpect(error(401, "Unauthorized", "/v1/batch-runs"));
	}

	@Test
	void agentsWhenListedThenNameInsideAndPageFields() throws Exception {
		perform("/v1/agents").andExpect(status().isOk())
			.andExpect(jsonPath("$.data.length()").value(4))
			.andExpect(jsonPath("$.data[0].agentId").value(this.agent.agentId()))
			.andExpect(jsonPath("$.data[0].name").value("Billing Support"))
			.andExpect(jsonPath("$.data[0].status").value("Live"))
			.andExpect(jsonPath("$.data[0].agentName").doesNotExist())
			.andExpect(jsonPath("$.data[1].status").value("Testing"))
			.andExpect(jsonPath("$.data[2].name").value("Returns & Refunds"))
			.andExpect(jsonPath("$.data[2].status").value("active"))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(4))
			.andExpect(jsonPath("$.totalCount").value(4))
			.andExpect(jsonPath("$.totalPages").value(1))
			.andExpect(jsonPath("$.hasNext").value(false))
			.andExpect(jsonPath("$.hasPrevious").value(false));
	}

	@Test
	void agentWhenFetchedThenAgentNameNotName() throws Exception {
		perform("/v1/agents/{agentId}", this.agent.agentId()).andExpect(status().isOk())
			.andExpect(jsonPath("$.agentId").value(this.agent.agentId()))
			.andExpect(jsonPath("$.agentName").value("Billing Support"))
			.andExpect(jsonPath("$.name").doesNotExist())
			.andExpect(jsonPath("$.instructions").value(containsString("Northwind")))
			.andExpect(jsonPath("$.agentSettings.llmModel").value("gpt-4o"))
			.andExpect(jsonPath("$.agentSettings.temperature").value(0.2))
			.andExpect(jsonPath("$.tools[0].type").value("function"))
			.andExpect(jsonPath("$.tools[*].name", hasItem("get_invoice")));
	}

	@Test
	void agentWhenUnknownThenNotFound() throws Exception {
		perform("/v1/agents/{agentId}", "agent_AAAAAAAAAAAAAAAA").andExpect(status().isNotFound())
			.andExpect(error(404, "Not Found", "/v1/agents/agent_AAAAAAAAAAAAAAAA"));
	}

	@Test
	void batchRunsWhenFirstPageThenNewestFirstInAPageEnvelope() throws Exception {
		List<Batch> batches = this.data.batches(this.agent);
		perform("/v1/batch-runs?agentId={agentId}&page=0&size=2", this.agent.agentId()).andExpect(status().isOk())
			.andExpect(jsonPath("$.data.length()").value(2))
			.andExpect(jsonPath("$.data[0].batchId").value(batches.get(0).batchId()))
			.andExpect(jsonPath("$.data[1].batchId").value(batches.get(1).batchId()))
			.andExpect(jsonPath("$.data[0].workspaceId").value(this.data.workspaceId()))
			.andExpect(jsonPath("$.data[0].agent.name").value("Billing Support"))
			.andExpect(jsonPath("$.data[0].createdDate").value(matchesPattern(TIMESTAMP)))
			.andExpect(jsonPath("$.data[0].testCases.length()").value(6))
			.andExpect(jsonPath("$.data[0].totalAttempts").value(12))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(2))
			.andExpect(jsonPath("$.totalCount").value(6))
			.andExpect(jsonPath("$.totalCounts").doesNotExist())
			.andExpect(jsonPath("$.totalPages").value(3))
			.andExpect(jsonPath("$.hasNext").value(true))
			.andExpect(jsonPath("$.hasPrevious").value(false));
	}

	@Test
	void batchRunsWhenPageTwoThenReturnsOlderBatches() throws Exception {
		List<Batch> batches = this.data.batches(this.agent);
		perform("/v1/batch-runs?agentId={agentId}&page=1&size=2", this.agent.agentId()).andExpect(status().isOk())
			.andExpect(jsonPath("$.data[0].batchId").value(batches.get(2).batchId()))
			.andExpect(jsonPath("$.data[1].batchId").value(batches.get(3).batchId()))
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.hasNext").value(true))
			.andExpect(jsonPath("$.hasPrevious").value(true));
		perform("/v1/batch-runs?agentId={agentId}&page=2&size=2", this.agent.agentId())
			.andExpect(jsonPath("$.data[1].batchId").value(batches.get(5).batchId()))
			.andExpect(jsonPath("$.hasNext").value(false));
	}

	@Test
	void batchRunsWhenPageBeyondTheEndThenEmpty() throws Exception {
		perform("/v1/batch-runs?agentId={agentId}&page=9", this.agent.agentId()).andExpect(status().isOk())
			.andExpect(jsonPath("$.data.length()").value(0))
			.andExpect(jsonPath("$.size").value(20))
			.andExpect(jsonPath("$.totalCount").value(6))
			.andExpect(jsonPath("$.hasNext").value(false));
	}

	@Test
	void batchRunsWhenAgentIdMissingThenBadRequest() throws Exception {
		perform("/v1/batch-runs").andExpect(status().isBadRequest())
			.andExpect(error(400, "Bad Request", "/v1/batch-runs"))
			.andExpect(jsonPath("$.message").value(containsString("agentId")));
	}

	@Test
	void batchRunsWhenPagingInvalidThenBadRequest() throws Exception {
		String agentId = this.agent.agentId();
		perform("/v1/batch-runs?agentId={agentId}&size=0", agentId).andExpect(status().isBadRequest());
		perform("/v1/batch-runs?agentId={agentId}&page=-1", agentId).andExpect(status().isBadRequest());
		perform("/v1/batch-runs?agentId={agentId}&page=first", agentId).andExpect(status().isBadRequest())
			.andExpect(error(400, "Bad Request", "/v1/batch-runs"));
	}

	@Test
	void batchRunsWhenUnknownAgentThenNotFound() throws Exception {
		perform("/v1/batch-runs?agentId=agent_AAAAAAAAAAAAAAAA").andExpect(status().isNotFound());
	}

	@Test
	void batchRunWhenRunningThenCountsShowIt() throws Exception {
		Batch batch = this.landmarks.runningBatch();
		perform("/v1/batch-runs/{batchId}?agentId={agentId}", batch.batchId(), this.agent.agentId())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.batchId").value(batch.batchId()))
			.andExpect(jsonPath("$.agent.agentId").value(this.agent.agentId()))
			.andExpect(jsonPath("$.testCases[0].testCaseId").value(this.data.testCases(this.agent).get(0).testCaseId()))
			.andExpect(jsonPath("$.successfulAttempts").value(batch.successfulAttempts()))
			.andExpect(jsonPath("$.failedAttempts").value(batch.failedAttempts()))
			.andExpect(jsonPath("$.totalAttempts").value(12))
			.andExpect(jsonPath("$.successfulAttempts").value(lessThan(12 - batch.failedAttempts())))
			.andExpect(jsonPath("$.status").doesNotExist());
	}

	@Test
	void batchRunWhenOtherAgentThenNotFound() throws Exception {
		Agent other = this.data.agents().get(1);
		perform("/v1/batch-runs/{batchId}?agentId={agentId}", this.landmarks.runningBatch().batchId(), other.agentId())
			.andExpect(status().isNotFound())
			.andExpect(error(404, "Not Found", "/v1/batch-runs/" + this.landmarks.runningBatch().batchId()));
	}

	@Test
	void testRunsWhenListedThenTotalCountsSpellingAndNewestFirst() throws Exception {
		Batch batch = this.landmarks.showcaseBatch();
		List<Run> runs = this.data.runs(batch, 0, 12);
		perform("/v1/test-runs?agentId={agentId}&batchId={batchId}", this.agent.agentId(), batch.batchId())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.length()").value(12))
			.andExpect(jsonPath("$.data[0].jobId").value(runs.get(0).jobId()))
			.andExpect(jsonPath("$.data[11].jobId").value(runs.get(11).jobId()))
			.andExpect(jsonPath("$.data[*].batchId", everyItem(startsWith(batch.batchId()))))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(50))
			.andExpect(jsonPath("$.totalCounts").value(12))
			.andExpect(jsonPath("$.totalCount").doesNotExist())
			.andExpect(jsonPath("$.totalPages").value(1))
			.andExpect(jsonPath("$.hasNext").value(false))
			.andExpect(jsonPath("$.hasPrevious").value(false));
	}

	@Test
	void testRunsWhenSizeAboveTheCapThenTwoHundred() throws Exception {
		DemoData large = new DemoData(new DemoProperties(1, 1, 2, 60, 4, 120, Duration.ZERO, null, List.of()),
				DemoDataTests.NOW);
		Agent agent = large.agents().get(0);
		Batch batch = large.batches(agent).get(1);
		mvc(large)
			.perform(get("/demo-api/v1/test-runs?agentId={agentId}&batchId={batchId}&page=0&size=500", agent.agentId(),
					batch.batchId())
				.header("X-API-Key", KEY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.length()").value(200))
			.andExpect(jsonPath("$.size").value(200))
			.andExpect(jsonPath("$.totalCounts").value(240))
			.andExpect(jsonPath("$.totalPages").value(2))
			.andExpect(jsonPath("$.hasNext").value(true));
	}

	@Test
	void testRunsWhenBatchOfOtherAgentThenNotFound() throws Exception {
		perform("/v1/test-runs?agentId={agentId}&batchId={batchId}", this.data.agents().get(1).agentId(),
				this.landmarks.showcaseBatch().batchId())
			.andExpect(status().isNotFound());
	}

	@Test
	void testRunWhenNewerDialectThenIsSuccessfulAndConversationOfStrings() throws Exception {
		Run run = this.landmarks.markupRun();
		performRun(run, run.batch()).andExpect(status().isOk())
			.andExpect(jsonPath("$.batchId").value(run.batch().batchId()))
			.andExpect(jsonPath("$.workspaceId").value(this.data.workspaceId()))
			.andExpect(jsonPath("$.agent.name").value("Billing Support"))
			.andExpect(jsonPath("$.testCase.testCaseId").value(run.testCase().testCaseId()))
			.andExpect(jsonPath("$.testCase.successCriteria").isString())
			.andExpect(jsonPath("$.jobId").value(run.jobId()))
			.andExpect(jsonPath("$.chatId").value(startsWith("chat_")))
			.andExpect(jsonPath("$.createdDate").value(matchesPattern(TIMESTAMP)))
			.andExpect(jsonPath("$.completedDate").value(matchesPattern(TIMESTAMP)))
			.andExpect(jsonPath("$.isSuccessful").isBoolean())
			.andExpect(jsonPath("$.isSuccesful").doesNotExist())
			.andExpect(jsonPath("$.remarks").isString())
			.andExpect(jsonPath("$.conversation[0].role").isString())
			.andExpect(jsonPath("$.conversation[0].content").isString())
			.andExpect(jsonPath("$.conversation[0].type").doesNotExist())
			.andExpect(jsonPath("$.conversation[*].content",
					hasItem(containsString("<script>alert(1)</script> and <b>bold?</b> & \"quotes\""))));
	}

	@Test
	void testRunWhenOlderDialectThenIsSuccesfulWithoutConversation() throws Exception {
		Run run = this.landmarks.olderDialectRun();
		performRun(run, run.batch()).andExpect(status().isOk())
			.andExpect(jsonPath("$.isSuccesful").isBoolean())
			.andExpect(jsonPath("$.isSuccessful").doesNotExist())
			.andExpect(jsonPath("$.conversation").doesNotExist())
			.andExpect(jsonPath("$.remarks").isString())
			.andExpect(jsonPath("$.chatId").value(run.chatId()))
			.andExpect(jsonPath("$.chatId").value(startsWith("chat-")));
	}

	@Test
	void testRunWhenRunningThenNoCompletedDateNullVerdictAndNoRemarks() throws Exception {
		Run run = this.data.runs(this.landmarks.runningBatch(), 0, 1).get(0);
		assertThat(run.finished()).isFalse();
		String verdict = run.olderDialect() ? "isSuccesful" : "isSuccessful";
		performRun(run, run.batch()).andExpect(status().isOk())
			.andExpect(jsonPath("$.createdDate").value(matchesPattern(TIMESTAMP)))
			.andExpect(jsonPath("$.completedDate").doesNotExist())
			.andExpect(jsonPath("$", hasKey(verdict)))
			.andExpect(jsonPath("$." + verdict).value(nullValue()))
			.andExpect(jsonPath("$.remarks").doesNotExist());
	}

	@Test
	void testRunWhenWrongBatchThenNotFound() throws Exception {
		Run run = this.landmarks.markupRun();
		performRun(run, this.landmarks.runningBatch()).andExpect(status().isNotFound())
			.andExpect(error(404, "Not Found", "/v1/test-runs/" + run.jobId()));
		perform("/v1/test-runs/{jobId}?batchId={batchId}&agentId={agentId}", run.jobId(), run.batch().batchId(),
				this.data.agents().get(1).agentId())
			.andExpect(status().isNotFound());
		perform("/v1/test-runs/{jobId}?batchId={batchId}&agentId={agentId}", "job_AAAAAAAAAAAAAAAA",
				run.batch().batchId(), this.agent.agentId())
			.andExpect(status().isNotFound());
	}

	@Test
	void testRunWhenBatchIdMissingThenBadRequest() throws Exception {
		Run run = this.landmarks.markupRun();
		perform("/v1/test-runs/{jobId}?agentId={agentId}", run.jobId(), this.agent.agentId())
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value(containsString("batchId")));
	}

	@Test
	void testCasesWhenListedThenBareArray() throws Exception {
		perform("/v1/test-cases?agentId={agentId}", this.agent.agentId()).andExpect(status().isOk())
			.andExpect(jsonPath("$").isArray())
			.andExpect(jsonPath("$.length()").value(6))
			.andExpect(jsonPath("$[0].testCaseId").value(startsWith("tc_")))
			.andExpect(jsonPath("$[0].label").value("Angry Customer - Cancellation Flow"))
			.andExpect(jsonPath("$[0].agent.name").value("Billing Support"))
			.andExpect(jsonPath("$[0].workspaceId").value(this.data.workspaceId()))
			.andExpect(jsonPath("$[0].llmModel").isString())
			.andExpect(jsonPath("$[0].mockData[0].variableName").value("customer_name"))
			.andExpect(jsonPath("$[0].mockData[0].value").isString())
			.andExpect(jsonPath("$[0].userPrompt").value(containsString("{{customer_name}}")))
			.andExpect(jsonPath("$[0].attempt").value(2))
			.andExpect(jsonPath("$[0].successCriteria").isString());
	}

	@Test
	void testCaseWhenFetchedThenFoundAndForOtherAgentNotFound() throws Exception {
		String testCaseId = this.data.testCases(this.agent).get(1).testCaseId();
		perform("/v1/test-cases/{testCaseId}?agentId={agentId}", testCaseId, this.agent.agentId())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.testCaseId").value(testCaseId))
			.andExpect(jsonPath("$.label").isString());
		perform("/v1/test-cases/{testCaseId}?agentId={agentId}", testCaseId, this.data.agents().get(1).agentId())
			.andExpect(status().isNotFound());
	}

	@Test
	void chatWhenFetchedThenContentIsAnArrayWithToolCall() throws Exception {
		Run run = this.landmarks.olderDialectRun();
		perform("/v1/chats/{chatId}", run.chatId()).andExpect(status().isOk())
			.andExpect(jsonPath("$.chatId").value(run.chatId()))
			.andExpect(jsonPath("$.status").value("ended"))
			.andExpect(jsonPath("$.createdAt").value(matchesPattern(TIMESTAMP)))
			.andExpect(jsonPath("$.transcript").value(containsString("User: ")))
			.andExpect(jsonPath("$.transcript").value(containsString("\nAssistant: ")))
			.andExpect(jsonPath("$.messages[0].id").value(startsWith("chat-item-")))
			.andExpect(jsonPath("$.messages[0].type").value("message"))
			.andExpect(jsonPath("$.messages[0].content").isArray())
			.andExpect(jsonPath("$.messages[0].content[0]").isString())
			.andExpect(jsonPath("$.messages[?(@.type == 'tool_call')].role", hasItem("assistant")))
			.andExpect(jsonPath("$.messages[?(@.type == 'tool_call')].content[0]",
					hasItem(startsWith("get_invoice(invoice_number=\"INV-"))))
			.andExpect(jsonPath("$.items").doesNotExist());
	}

	@Test
	void chatWhenRunIsRunningThenInProgress() throws Exception {
		Run run = this.data.runs(this.landmarks.runningBatch(), 0, 1).get(0);
		perform("/v1/chats/{chatId}", run.chatId()).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("in-progress"));
	}

	@Test
	void chatWhenUnknownOrWrongPrefixThenNotFound() throws Exception {
		Run run = this.landmarks.markupRun();
		perform("/v1/chats/{chatId}", "chat-" + run.chatId().substring(5)).andExpect(status().isNotFound())
			.andExpect(error(404, "Not Found", "/v1/chats/chat-" + run.chatId().substring(5)));
		perform("/v1/chats/{chatId}", "chat_AAAAAAAAAAAAAAAA").andExpect(status().isNotFound());
	}

	@Test
	void unknownEndpointThenNotFoundAndWritesThenMethodNotAllowed() throws Exception {
		perform("/v1/workspaces").andExpect(status().isNotFound()).andExpect(error(404, "Not Found", "/v1/workspaces"));
		this.mvc.perform(post("/demo-api/v1/batch-runs").header("X-API-Key", KEY))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string("Allow", "GET"))
			.andExpect(error(405, "Method Not Allowed", "/v1/batch-runs"));
		this.mvc.perform(post("/demo-api/v1/batch-runs")).andExpect(status().isUnauthorized());
	}

	@Test
	void testRunsWhenSizedTranscriptsThenOnTheFirstPageWithExactlyThatManyMessages() throws Exception {
		DemoData sized = new DemoData(
				new DemoProperties(20260301, 4, 6, 6, 2, 120, Duration.ZERO, null, List.of(50, 3)), DemoDataTests.NOW);
		Batch batch = sized.landmarks().showcaseBatch();
		List<Run> runs = sized.landmarks().sizedTranscriptRuns();
		mvc(sized)
			.perform(get("/demo-api/v1/test-runs?agentId={agentId}&batchId={batchId}", this.agent.agentId(),
					batch.batchId())
				.header("X-API-Key", KEY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data[4].jobId").value(runs.get(0).jobId()))
			.andExpect(jsonPath("$.data[4].isSuccessful").isBoolean())
			.andExpect(jsonPath("$.data[4].remarks").isString())
			.andExpect(jsonPath("$.data[4].conversation.length()").value(50))
			.andExpect(jsonPath("$.data[5].jobId").value(runs.get(1).jobId()))
			.andExpect(jsonPath("$.data[5].conversation.length()").value(3));
	}

	@Test
	void testRunsWhenLatencyThenAnswersNoSoonerThanIt() throws Exception {
		RecordedWaits time = new RecordedWaits();
		MockMvc slow = mvc(new DemoData(latency(Duration.ofMillis(300)), DemoDataTests.NOW), time);
		slow.perform(get("/demo-api/v1/test-runs?agentId={agentId}&batchId={batchId}", this.agent.agentId(),
				this.landmarks.showcaseBatch().batchId())
			.header("X-API-Key", KEY)).andExpect(status().isOk());
		// The recorded time stands still while the answer is made: all of it is waited.
		assertThat(time.waits).containsExactly(Duration.ofMillis(300));
	}

	@Test
	void errorsWhenLatencyThenAnswerNoSoonerThanIt() throws Exception {
		RecordedWaits time = new RecordedWaits();
		MockMvc slow = mvc(new DemoData(latency(Duration.ofMillis(300)), DemoDataTests.NOW), time);
		slow.perform(get("/demo-api/v1/agents")).andExpect(status().isUnauthorized());
		slow.perform(get("/demo-api/v1/agents/{agentId}", "agent_AAAAAAAAAAAAAAAA").header("X-API-Key", KEY))
			.andExpect(status().isNotFound());
		assertThat(time.waits).containsExactly(Duration.ofMillis(300), Duration.ofMillis(300));
	}

	@Test
	void answersWhenLatencyThenStatusHeadersAndBodyUnchangedByTheBuffer() throws Exception {
		MockMvc buffered = mvc(new DemoData(latency(Duration.ofMillis(1)), DemoDataTests.NOW));
		String page = "/demo-api/v1/test-runs?agentId={agentId}&batchId={batchId}";
		String batchId = this.landmarks.showcaseBatch().batchId();
		String expected = this.mvc.perform(get(page, this.agent.agentId(), batchId).header("X-API-Key", KEY))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String answered = buffered.perform(get(page, this.agent.agentId(), batchId).header("X-API-Key", KEY))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(header().longValue("Content-Length", expected.getBytes(StandardCharsets.UTF_8).length))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(answered).isEqualTo(expected);
		buffered.perform(get("/demo-api/v1/agents"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(error(401, "Unauthorized", "/v1/agents"))
			.andExpect(jsonPath("$.message").value("Missing X-API-Key header"));
		buffered.perform(get("/demo-api/v1/workspaces").header("X-API-Key", KEY))
			.andExpect(status().isNotFound())
			.andExpect(error(404, "Not Found", "/v1/workspaces"));
		buffered.perform(post("/demo-api/v1/batch-runs").header("X-API-Key", KEY))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string("Allow", "GET"))
			.andExpect(error(405, "Method Not Allowed", "/v1/batch-runs"))
			.andExpect(jsonPath("$.message").value("The demo API is read-only"));
		buffered.perform(get("/demo-api/v1/batch-runs").header("X-API-Key", KEY))
			.andExpect(status().isBadRequest())
			.andExpect(error(400, "Bad Request", "/v1/batch-runs"))
			.andExpect(jsonPath("$.message").value(containsString("agentId")));
	}

	@Test
	void timestampWhenWholeSecondThenKeepsMilliseconds() {
		assertThat(DemoApiController.timestamp(Instant.parse("2026-03-26T10:52:45Z")))
			.isEqualTo("2026-03-26T10:52:45.000Z");
		assertThat(DemoApiController.timestamp(Instant.parse("2026-03-26T10:52:45.565123Z")))
			.isEqualTo("2026-03-26T10:52:45.565Z");
	}

	private ResultActions perform(String path, Object... variables) throws Exception {
		return this.mvc.perform(get("/demo-api" + path, variables).header("X-API-Key", KEY));
	}

	private ResultActions performRun(Run run, Batch batch) throws Exception {
		return perform("/v1/test-runs/{jobId}?batchId={batchId}&agentId={agentId}", run.jobId(), batch.batchId(),
				batch.agent().agentId());
	}

	private static DemoProperties latency(Duration latency) {
		return new DemoProperties(20260301, 4, 6, 6, 2, 120, latency, null, List.of());
	}

	private static ResultMatcher error(int status, String error, String path) {
		List<ResultMatcher> matchers = List.of(jsonPath("$.error").value(error), jsonPath("$.message").isString(),
				jsonPath("$.path").value(path), jsonPath("$.status").value(status),
				jsonPath("$.timestamp").value(matchesPattern(TIMESTAMP)));
		return (result) -> {
			for (ResultMatcher matcher : matchers) {
				matcher.match(result);
			}
		};
	}

	private static MockMvc mvc(DemoData data) {
		return mvc(data, new DemoApiLatency(data.properties().latency()));
	}

	private static MockMvc mvc(DemoData data, RecordedWaits time) {
		return mvc(data, time.filter(data.properties().latency()));
	}

	private static MockMvc mvc(DemoData data, DemoApiLatency latency) {
		DemoTarget target = new DemoTarget(new MockEnvironment(), KEY);
		return MockMvcBuilders.standaloneSetup(new DemoApiController(data, target))
			.addFilter(latency, DemoTarget.PATH + "/*")
			.build();
	}

}
