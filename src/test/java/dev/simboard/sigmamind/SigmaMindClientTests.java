package dev.simboard.sigmamind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.simboard.HeldAnswers;
import dev.simboard.model.Agent;
import dev.simboard.model.Batch;
import dev.simboard.model.Chat;
import dev.simboard.model.Id;
import dev.simboard.model.Message;
import dev.simboard.model.MockVariable;
import dev.simboard.model.Page;
import dev.simboard.model.Run;
import dev.simboard.model.TestCase;
import dev.simboard.model.Verdict;

import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The client against a fake SigmaMind on a real port: paths, query parameters, headers,
 * and the mapping of every failure to a {@link SigmaMindException}.
 */
class SigmaMindClientTests {

	/**
	 * Three attempts with a short backoff; a breaker that never opens within one test.
	 */
	static final SigmaMindProperties.Resilience FAST_RETRIES = new SigmaMindProperties.Resilience(3,
			Duration.ofMillis(5), 8, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(5), 100, 100,
			100, Duration.ofSeconds(30));

	/**
	 * Now, for the client's pauses and Retry-After dates: tests never read the real time.
	 */
	private static final Instant NOW = Instant.parse("2026-03-27T09:00:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	private static final String API_KEY = "sm-live-9f8e7d6c5b4a39281706";

	private static final String AGENT_ID = "agent_D5D0p7TUs66TTAEAx";

	private static final String BATCH_ID = "batch_s0OJu2JWR8R45Fai";

	private static final String JOB_ID = "job_ksUu5yRHGTLLrLeM";

	private static final String CHAT_ID = "chat_IpELinkFvINQ1212";

	private static final Id AGENT = Id.of(AGENT_ID);

	private static final Id BATCH = Id.of(BATCH_ID);

	private static final Id JOB = Id.of(JOB_ID);

	private static final Id CHAT = Id.of(CHAT_ID);

	private static final String TEST_RUNS_PATH = "/v1/batch-test-runs";

	private static final int TEST_RUNS_PAGE_SIZE = 7;

	private final HeldAnswers held = new HeldAnswers();

	private WireMockServer wireMock;

	private SigmaMindClient client;

	@BeforeEach
	void startWireMock() {
		this.wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(this.held));
		this.wireMock.start();
		this.client = client(Duration.ofSeconds(5), DataSize.ofMegabytes(16));
	}

	@AfterEach
	void stopWireMock() {
		this.held.release();
		this.wireMock.stop();
	}

	@Test
	void agentsWhenListedThenGetsV1AgentsAndReadsData() {
		stub("/v1/agents", okJson(fixture("agents.json")));
		List<Agent> agents = this.client.agents().block();
		assertThat(agents).containsExactly(new Agent(AGENT_ID, "New AI Agent", "Live"),
				new Agent("agent_Q1w2e3R4t5Y6u7I8o", "Billing Support", "Testing"));
		assertOnlyRequest("/v1/agents", Map.of());
	}

	@Test
	void agentWhenOneAgentThenGetsAgentByPathAndReadsAgentName() {
		stub("/v1/agents/" + AGENT_ID, okJson(fixture("agent.json")));
		Agent agent = this.client.agent(AGENT).block();
		assertThat(agent).isEqualTo(new Agent(AGENT_ID, "New AI Agent", ""));
		assertOnlyRequest("/v1/agents/" + AGENT_ID, Map.of());
	}

	@Test
	void batchRunsWhenPagedThenSendsAgentIdPageAndSizeAsQuery() {
		stub("/v1/batch-runs", okJson(fixture("batchRuns.json")));
		Page<Batch> page = this.client.batchRuns(AGENT, 1, 1).block();
		assertThat(page.total()).isEqualTo(125L);
		assertThat(page.more()).isTrue();
		assertThat(page.items()).singleElement().satisfies((batch) -> {
			assertThat(batch.id()).isEqualTo(BATCH_ID);
			assertThat(batch.created()).isEqualTo(Instant.parse("2026-03-26T10:50:00Z"));
			assertThat(batch.running()).isTrue();
		});
		assertOnlyRequest("/v1/batch-runs", Map.of("agentId", AGENT_ID, "page", "1", "size", "1"));
	}

	@Test
	void batchRunWhenOneBatchThenSendsBatchIdInPathAndAgentIdAsQuery() {
		stub("/v1/batch-runs/" + BATCH_ID, okJson(fixture("batchRun.json")));
		Batch batch = this.client.batchRun(AGENT, BATCH).block().value();
		assertThat(batch.id()).isEqualTo(BATCH_ID);
		assertThat(batch.agent().id()).isEqualTo(AGENT_ID);
		assertThat(batch.testCases()).singleElement().satisfies((testCase) -> {
			assertThat(testCase.id()).isEqualTo("tc_d17T6uReChpyfFeP");
			assertThat(testCase.mockData()).containsExactly(new MockVariable("customer_name", "John Doe"));
		});
		assertThat(batch.passed()).isEqualTo(7);
		assertThat(batch.failed()).isEqualTo(3);
		assertThat(batch.total()).isEqualTo(12);
		assertOnlyRequest("/v1/batch-runs/" + BATCH_ID, Map.of("agentId", AGENT_ID));
	}

	@Test
	void testRunsWhenListedThenUsesConfiguredPathAndPageSize() {
		stub(TEST_RUNS_PATH, okJson(fixture("testRuns.json")));
		Page<Fetched<Run>> page = this.client.testRuns(AGENT, BATCH, 3).block();
		assertThat(page.total()).isEqualTo(2L);
		assertThat(page.items()).extracting(Fetched::value)
			.extracting(Run::jobId, Run::finished)
			.containsExactly(tuple(JOB_ID, true), tuple("job_stillRunning0001", false));
		// Each run keeps its own part of the page's JSON, and reads back the same.
		assertThat(page.items()).allSatisfy((run) -> assertThat(SigmaMindJson.run(run.json())).isEqualTo(run.value()));
		assertThat(page.items().get(0).json()).startsWith("{").contains(JOB_ID).doesNotContain("job_stillRunning0001");
		assertOnlyRequest(TEST_RUNS_PATH, Map.of("agentId", AGENT_ID, "batchId", BATCH_ID, "page", "3", "size",
				String.valueOf(TEST_RUNS_PAGE_SIZE)));
	}

	@Test
	void testRunWhenOneJobThenSendsJobIdInPathAndBatchIdAndAgentIdAsQuery() {
		stub("/v1/test-runs/" + JOB_ID, okJson(fixture("testRun.json")));
		Fetched<Run> fetched = this.client.testRun(AGENT, BATCH, JOB).block();
		Run run = fetched.value();
		assertThat(SigmaMindJson.run(fetched.json())).isEqualTo(run);
		assertThat(fetched.json()).isEqualTo(fixture("testRun.json"));
		assertThat(run.jobId()).isEqualTo(JOB_ID);
		assertThat(run.verdict()).isEqualTo(Verdict.PASSED);
		assertThat(run.completed()).isEqualTo(Instant.parse("2026-03-26T10:54:45.565Z"));
		assertThat(run.conversation().messages()).extracting(Message::role).containsExactly("user", "assistant");
		assertThat(run.testCase().successCriteria()).startsWith("The agent confirms the cancellation");
		assertOnlyRequest("/v1/test-runs/" + JOB_ID, Map.of("batchId", BATCH_ID, "agentId", AGENT_ID));
	}

	@Test
	void testCasesWhenBareArrayThenSendsAgentIdAsQueryAndReadsList() {
		stub("/v1/test-cases", okJson(fixture("testCases.json")));
		List<TestCase> testCases = this.client.testCases(AGENT).block();
		assertThat(testCases).singleElement().satisfies((testCase) -> {
			assertThat(testCase.label()).isEqualTo("Angry Customer - Cancellation Flow");
			assertThat(testCase.attempts()).isEqualTo(5);
		});
		assertOnlyRequest("/v1/test-cases", Map.of("agentId", AGENT_ID));
	}

	@Test
	void chatWhenOneChatThenGetsChatByPathAndJoinsContent() {
		stub("/v1/chats/" + CHAT_ID, okJson(fixture("chat.json")));
		Chat chat = this.client.chat(CHAT).block().value();
		assertThat(chat.ended()).isTrue();
		assertThat(chat.messages()).extracting(Message::text).containsExactly("Hello!\nHow can I help?");
		assertOnlyRequest("/v1/chats/" + CHAT_ID, Map.of());
	}

	@Test
	void chatWhenOlderHyphenatedIdThenAccepted() {
		stub("/v1/chats/chat-IpELinkFvINQ1212", okJson(fixture("chat.json")));
		assertThat(this.client.chat(Id.of("chat-IpELinkFvINQ1212")).block()).isNotNull();
		assertOnlyRequest("/v1/chats/chat-IpELinkFvINQ1212", Map.of());
	}

	@Test
	void requestWhenSentThenCarriesKeyAndAcceptAndNoCredentialsOtherwise() {
		stub("/v1/agents", okJson(fixture("agents.json")));
		this.client.agents().block();
		this.wireMock.verify(1,
				getRequestedFor(urlPathEqualTo("/v1/agents")).withHeader("X-API-Key", equalTo(API_KEY))
					.withHeader("Accept", equalTo("application/json"))
					.withoutHeader("Cookie")
					.withoutHeader("Authorization")
					.withoutHeader("Proxy-Authorization"));
		LoggedRequest request = onlyRequest();
		assertThat(request.getUrl()).doesNotContain(API_KEY);
		assertThat(request.getHeaders().keys()).map(String::toLowerCase)
			.doesNotContain("cookie", "authorization", "proxy-authorization", "api-key", "x-auth-token");
	}

	@Test
	void requestWhenIdIsLongestAllowedThenSent() {
		String id = "c".repeat(128);
		stub("/v1/chats/" + id, okJson(fixture("chat.json")));
		assertThat(this.client.chat(Id.of(id)).block()).isNotNull();
		assertOnlyRequest("/v1/chats/" + id, Map.of());
	}

	@ParameterizedTest
	@ValueSource(ints = { 401, 403 })
	void batchRunWhenKeyRefusedThenUnauthorizedAndNotRetried(int status) {
		stub("/v1/batch-runs/" + BATCH_ID, errorJson(status));
		SigmaMindUnauthorizedException ex = failure(SigmaMindUnauthorizedException.class,
				() -> this.client.batchRun(AGENT, BATCH));
		assertThat(ex.endpoint()).isEqualTo("GET /v1/batch-runs/{batchId}");
		assertThat(ex.getMessage()).contains(String.valueOf(status));
		this.wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@ValueSource(ints = { 404, 405 })
	void testRunsWhenListNotOfferedThenNotFoundWithStatus(int status) {
		stub(TEST_RUNS_PATH, errorJson(status));
		SigmaMindNotFoundException ex = failure(SigmaMindNotFoundException.class,
				() -> this.client.testRuns(AGENT, BATCH, 0));
		assertThat(ex.status()).isEqualTo(status);
		assertThat(ex.endpoint()).isEqualTo("GET " + TEST_RUNS_PATH);
	}

	@Test
	void testRunWhenUnknownJobThenNotFound() {
		stub("/v1/test-runs/job_unknown", errorJson(404));
		SigmaMindNotFoundException ex = failure(SigmaMindNotFoundException.class,
				() -> this.client.testRun(AGENT, BATCH, Id.of("job_unknown")));
		assertThat(ex.status()).isEqualTo(404);
		assertThat(ex.endpoint()).isEqualTo("GET /v1/test-runs/{jobId}");
	}

	@Test
	void batchRunsWhenRateLimitedWithSecondsThenRetryAfterSeconds() {
		stub("/v1/batch-runs", errorJson(429).withHeader("Retry-After", "30"));
		SigmaMindRateLimitedException ex = failure(SigmaMindRateLimitedException.class,
				() -> this.client.batchRuns(AGENT, 0, 20));
		assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(30));
		this.wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void batchRunsWhenRateLimitedWithHttpDateThenRetryAfterUntilThatDate() {
		String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.atZone(ZoneOffset.UTC).plusSeconds(120));
		stub("/v1/batch-runs", errorJson(429).withHeader("Retry-After", date));
		SigmaMindRateLimitedException ex = failure(SigmaMindRateLimitedException.class,
				() -> this.client.batchRuns(AGENT, 0, 20));
		assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(120));
	}

	@Test
	void batchRunsWhenRateLimitedWithoutRetryAfterThenDefaultPause() {
		stub("/v1/batch-runs", errorJson(429));
		SigmaMindRateLimitedException ex = failure(SigmaMindRateLimitedException.class,
				() -> this.client.batchRuns(AGENT, 0, 20));
		assertThat(ex.retryAfter()).isEqualTo(FAST_RETRIES.defaultRetryAfter());
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 503, 504 })
	void agentsWhenServerErrorThenUnavailable(int status) {
		stub("/v1/agents", errorJson(status));
		SigmaMindUnavailableException ex = failure(SigmaMindUnavailableException.class, () -> this.client.agents());
		assertThat(ex.getMessage()).contains(String.valueOf(status));
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 409, 422 })
	void batchRunsWhenOtherClientErrorThenBadResponseAndNotRetried(int status) {
		stub("/v1/batch-runs", errorJson(status));
		failure(SigmaMindBadResponseException.class, () -> this.client.batchRuns(AGENT, 0, 20));
		this.wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void agentWhenHtmlPageWithOkStatusThenBadResponse() {
		stub("/v1/agents/" + AGENT_ID,
				aResponse().withStatus(200)
					.withHeader("Content-Type", "text/html;charset=utf-8")
					.withBody(fixture("notJson.html")));
		failure(SigmaMindBadResponseException.class, () -> this.client.agent(AGENT));
	}

	@Test
	void batchRunWhenTruncatedJsonThenBadResponse() {
		stub("/v1/batch-runs/" + BATCH_ID, okJson(fixture("truncated.json")));
		failure(SigmaMindBadResponseException.class, () -> this.client.batchRun(AGENT, BATCH));
	}

	@Test
	void testCasesWhenObjectInsteadOfArrayThenBadResponse() {
		stub("/v1/test-cases", okJson(fixture("batchRun.json")));
		failure(SigmaMindBadResponseException.class, () -> this.client.testCases(AGENT));
	}

	@Test
	void chatWhenEmptyBodyThenBadResponse() {
		stub("/v1/chats/" + CHAT_ID, aResponse().withStatus(200).withHeader("Content-Type", "application/json"));
		failure(SigmaMindBadResponseException.class, () -> this.client.chat(CHAT));
	}

	@Test
	void agentsWhenBodyLargerThanMaxResponseSizeThenBadResponse() {
		this.client = client(Duration.ofSeconds(5), DataSize.ofKilobytes(1));
		String agents = IntStream.range(0, 100)
			.mapToObj(
					(i) -> "{\"agentId\":\"agent_" + i + "\",\"name\":\"Agent number " + i + "\",\"status\":\"Live\"}")
			.collect(Collectors.joining(",", "{\"data\":[", "]}"));
		assertThat(agents.length()).isGreaterThan(4096);
		stub("/v1/agents", okJson(agents));
		failure(SigmaMindBadResponseException.class, () -> this.client.agents());
	}

	@Test
	void agentsWhenBodyWithinMaxResponseSizeThenRead() {
		this.client = client(Duration.ofSeconds(5), DataSize.ofKilobytes(1));
		stub("/v1/agents", okJson(fixture("agents.json")));
		assertThat(this.client.agents().block()).hasSize(2);
	}

	@Test
	void batchRunWhenAnswerSlowerThanResponseTimeoutThenUnavailable() {
		this.client = client(Duration.ofMillis(300), DataSize.ofMegabytes(16));
		stub("/v1/batch-runs/" + BATCH_ID, okJson(fixture("batchRun.json")).withTransformers(HeldAnswers.NAME));
		SigmaMindUnavailableException ex = failure(SigmaMindUnavailableException.class,
				() -> this.client.batchRun(AGENT, BATCH));
		assertThat(ex.reason()).isEqualTo(SigmaMindUnavailableException.Reason.TIMEOUT);
	}

	@Test
	void agentsWhenConnectionRefusedThenUnavailable() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		SigmaMindClient refused = new SigmaMindClient(WebClient.builder(),
				new WireMockTarget(URI.create("http://127.0.0.1:" + closedPort), API_KEY),
				properties(Duration.ofSeconds(5), DataSize.ofMegabytes(16), FAST_RETRIES), CLOCK,
				new SimpleMeterRegistry());
		failure(SigmaMindUnavailableException.class, () -> refused.agents());
	}

	@Test
	void retryAfterWhenSecondsThenDuration() {
		assertThat(SigmaMindClient.retryAfter("30", CLOCK)).isEqualTo(Duration.ofSeconds(30));
		assertThat(SigmaMindClient.retryAfter(" 120 ", CLOCK)).isEqualTo(Duration.ofSeconds(120));
		assertThat(SigmaMindClient.retryAfter("0", CLOCK)).isEqualTo(Duration.ZERO);
	}

	@Test
	void retryAfterWhenNegativeSecondsThenZero() {
		assertThat(SigmaMindClient.retryAfter("-5", CLOCK)).isEqualTo(Duration.ZERO);
	}

	@Test
	void retryAfterWhenFutureHttpDateThenDurationUntilIt() {
		String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.atZone(ZoneOffset.UTC).plusSeconds(90));
		assertThat(SigmaMindClient.retryAfter(date, CLOCK)).isEqualTo(Duration.ofSeconds(90));
	}

	@Test
	void retryAfterWhenImfFixdateWithPaddedDayThenDuration() {
		ZonedDateTime until = NOW.atZone(ZoneOffset.UTC).plusSeconds(90);
		String date = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).format(until);
		assertThat(SigmaMindClient.retryAfter(date, CLOCK)).isEqualTo(Duration.ofSeconds(90));
	}

	@Test
	void retryAfterWhenPastHttpDateThenZero() {
		assertThat(SigmaMindClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", CLOCK)).isEqualTo(Duration.ZERO);
	}

	@ParameterizedTest
	@ValueSource(strings = { "soon", "30s", "1.5", "Wed, 99 Foo 2026 07:28:00 GMT", "99999999999999999999" })
	void retryAfterWhenGarbageThenNull(String value) {
		assertThat(SigmaMindClient.retryAfter(value, CLOCK)).isNull();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\t" })
	void retryAfterWhenBlankThenNull(String value) {
		assertThat(SigmaMindClient.retryAfter(value, CLOCK)).isNull();
	}

	@Test
	void callsWhenEverySlotTakenThenLaterOnesWaitForASlotAndAllSucceed() {
		stub("/v1/agents/" + AGENT_ID, okJson(fixture("agent.json")).withTransformers(HeldAnswers.NAME));
		SigmaMindClient twoSlots = client(Duration.ofMinutes(2), DataSize.ofMegabytes(16), slots(2));
		CompletableFuture<List<Agent>> agents = Flux.range(0, 5)
			.flatMap((i) -> twoSlots.agent(AGENT), 5)
			.collectList()
			.toFuture();
		// With both slots held, the other three wait: SigmaMind sees two calls, no more.
		await().until(() -> this.held.arrived() == 2);
		assertThat(agents).isNotDone();
		assertThat(this.held.arrived()).isEqualTo(2);
		this.held.release();
		assertThat(agents.join()).hasSize(5);
		this.wireMock.verify(5, getRequestedFor(urlPathEqualTo("/v1/agents/" + AGENT_ID)));
	}

	@Test
	void callsWhenWaitingForASlotAndSigmaMindAsksToSlowDownThenTheyNeverReachIt() {
		stub("/v1/agents/" + AGENT_ID,
				errorJson(429).withHeader("Retry-After", "30").withTransformers(HeldAnswers.NAME));
		SigmaMindClient oneSlot = client(Duration.ofMinutes(2), DataSize.ofMegabytes(16), slots(1));
		CompletableFuture<List<Object>> failures = Flux.range(0, 3)
			.flatMap((i) -> oneSlot.agent(AGENT).<Object>map((agent) -> agent).onErrorResume(Mono::just), 3)
			.collectList()
			.toFuture();
		await().until(() -> this.held.arrived() == 1);
		this.held.release();
		assertThat(failures.join()).hasSize(3).allMatch(SigmaMindRateLimitedException.class::isInstance);
		// The two that queued behind the 429 saw the pause when their turn came.
		this.wireMock.verify(1, getRequestedFor(urlPathEqualTo("/v1/agents/" + AGENT_ID)));
	}

	@Test
	void callsWhenEverySlotTakenAndNoQueueThenLaterOnesAreRefusedAsBusy() {
		stub("/v1/agents/" + AGENT_ID, okJson(fixture("agent.json")).withTransformers(HeldAnswers.NAME));
		SigmaMindClient oneSlot = client(Duration.ofMinutes(2), DataSize.ofMegabytes(16), oneAtATime(Duration.ZERO));
		CompletableFuture<Agent> first = oneSlot.agent(AGENT).toFuture();
		await().until(() -> this.held.arrived() == 1);
		// The first holds the only slot until its answer is let go.
		assertThat(failure(SigmaMindUnavailableException.class, () -> oneSlot.agent(AGENT)).reason())
			.isEqualTo(SigmaMindUnavailableException.Reason.BUSY);
		this.held.release();
		assertThat(first.join()).isNotNull();
		this.wireMock.verify(1, getRequestedFor(urlPathEqualTo("/v1/agents/" + AGENT_ID)));
	}

	private SigmaMindClient client(Duration responseTimeout, DataSize maxResponseSize) {
		return client(responseTimeout, maxResponseSize, FAST_RETRIES);
	}

	private SigmaMindClient client(Duration responseTimeout, DataSize maxResponseSize,
			SigmaMindProperties.Resilience resilience) {
		return new SigmaMindClient(WebClient.builder(),
				new WireMockTarget(URI.create(this.wireMock.baseUrl()), API_KEY),
				properties(responseTimeout, maxResponseSize, resilience), CLOCK, new SimpleMeterRegistry());
	}

	private static SigmaMindProperties properties(Duration responseTimeout, DataSize maxResponseSize,
			SigmaMindProperties.Resilience resilience) {
		// The base URL here is never used: the target says where to go.
		return new SigmaMindProperties(URI.create("https://api.sigmamind.ai"), API_KEY, Duration.ofSeconds(1),
				responseTimeout, TEST_RUNS_PATH, TEST_RUNS_PAGE_SIZE, maxResponseSize, resilience);
	}

	/** One call in flight at a time, and a queue as long as given. */
	/** Calls wait for a slot far longer than any test takes. */
	private static SigmaMindProperties.Resilience slots(int slots) {
		return new SigmaMindProperties.Resilience(1, Duration.ofMillis(5), slots, Duration.ofMinutes(2),
				Duration.ofSeconds(30), Duration.ofMinutes(5), 100, 100, 100, Duration.ofSeconds(30));
	}

	private static SigmaMindProperties.Resilience oneAtATime(Duration maxQueueWait) {
		return new SigmaMindProperties.Resilience(1, Duration.ofMillis(5), 1, maxQueueWait, Duration.ofSeconds(30),
				Duration.ofMinutes(5), 100, 100, 100, Duration.ofSeconds(30));
	}

	private void stub(String path, ResponseDefinitionBuilder response) {
		// Anything else answers a status no test expects.
		this.wireMock.stubFor(get(urlPathMatching(".*")).atPriority(10).willReturn(aResponse().withStatus(599)));
		this.wireMock.stubFor(get(urlPathEqualTo(path)).atPriority(1).willReturn(response));
	}

	private static ResponseDefinitionBuilder errorJson(int status) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(fixture("error.json").replace("400", String.valueOf(status)));
	}

	private LoggedRequest onlyRequest() {
		List<LoggedRequest> requests = this.wireMock.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	private void assertOnlyRequest(String path, Map<String, String> query) {
		LoggedRequest request = onlyRequest();
		assertThat(request.getMethod()).isEqualTo(RequestMethod.GET);
		URI uri = URI.create(request.getUrl());
		assertThat(uri.getPath()).isEqualTo(path);
		Map<String, List<String>> expected = query.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> List.of(entry.getValue())));
		assertThat(UriComponentsBuilder.fromUri(uri).build().getQueryParams()).isEqualTo(expected);
		assertThat(request.getHeader("X-API-Key")).isEqualTo(API_KEY);
		assertThat(request.getHeader("Accept")).isEqualTo("application/json");
		assertThat(request.containsHeader("Cookie")).isFalse();
		assertThat(request.containsHeader("Authorization")).isFalse();
	}

	private static <E extends SigmaMindException> E failure(Class<E> type, Supplier<Mono<?>> call) {
		Throwable thrown = catchThrowable(() -> call.get().block());
		assertThat(thrown).as(() -> "thrown, with causes: " + causes(thrown)).isInstanceOf(type);
		assertThat(((SigmaMindException) thrown).endpoint()).startsWith("GET /");
		for (Throwable ex = thrown; ex != null; ex = ex.getCause()) {
			assertThat(String.valueOf(ex.getMessage())).doesNotContain(API_KEY);
			assertThat(ex.toString()).doesNotContain(API_KEY);
		}
		return type.cast(thrown);
	}

	private static String causes(Throwable thrown) {
		StringBuilder causes = new StringBuilder();
		for (Throwable ex = thrown; ex != null; ex = ex.getCause()) {
			causes.append((causes.length() > 0) ? " <- " : "").append(ex.getClass().getSimpleName());
		}
		return causes.toString();
	}

	private static String fixture(String name) {
		String resource = SigmaMindClientTests.class.getSimpleName() + "-" + name;
		try (InputStream in = SigmaMindClientTests.class.getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record WireMockTarget(URI baseUrl, String apiKey) implements SigmaMindTarget {

		@Override
		public String toString() {
			return "WireMockTarget[" + this.baseUrl + "]";
		}

	}

}
