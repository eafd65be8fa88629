package dev.simboard.catalog;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.simboard.MutableClock;
import dev.simboard.archive.Archive;
import dev.simboard.archive.TestArchives;
import dev.simboard.sigmamind.SigmaMindBadResponseException;
import dev.simboard.sigmamind.SigmaMindClient;
import dev.simboard.sigmamind.SigmaMindException;
import dev.simboard.sigmamind.SigmaMindNotFoundException;
import dev.simboard.sigmamind.SigmaMindProperties;
import dev.simboard.sigmamind.SigmaMindProperties.Resilience;
import dev.simboard.sigmamind.SigmaMindRateLimitedException;
import dev.simboard.sigmamind.SigmaMindTarget;
import dev.simboard.sigmamind.SigmaMindUnavailableException;
import dev.simboard.sigmamind.SigmaMindUnavailableException.Reason;
import dev.simboard.model.Attempt;
import dev.simboard.model.Conversation;
import dev.simboard.model.Id;
import dev.simboard.model.Verdict;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The catalog with the real client against a fake SigmaMind on a real port, with time
 * moved by hand.
 */
@ExtendWith(OutputCaptureExtension.class)
class CatalogTests {

	private static final Id AGENT = Id.of("agent_1");

	private static final Id BATCH = Id.of("batch_1");

	private static final Id JOB = Id.of("job_1");

	private static final String RUN = """
			{"batchId":"batch_1","agent":{"agentId":"agent_1","name":"A"},"jobId":"%s","chatId":"chat_1",
			 "testCase":{"testCaseId":"%s","label":"L","attempt":2},
			 "createdDate":"2026-03-26T10:5%d:00.000Z"%s,
			 "isSuccessful":%s,"remarks":"ok"%s}""";

	private static final String RUN_PATH = "/v1/test-runs/job_1";

	private final WireMockServer sigmaMind = new WireMockServer(options().dynamicPort());

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-27T09:00:00Z"));

	/**
	 * This test's own key: a call an earlier test's catalog still makes in the background
	 * (its retries outlive the page that gave up) may reach this test's server if the
	 * port is reused, and must not count here.
	 */
	private final String key = "key-" + java.util.UUID.randomUUID();

	private Catalog catalog;

	@BeforeEach
	void start() {
		this.sigmaMind.start();
		this.catalog = catalog(new Resilience(3, Duration.ofMillis(5), 8, Duration.ofSeconds(5), Duration.ofSeconds(30),
				Duration.ofMinutes(5), 4, 4, 50, Duration.ofSeconds(30)));
	}

	private Catalog catalog(Resilience resilience) {
		return catalog(resilience, this.archive, new ArchiveStatus(this.clock));
	}

	private Catalog catalog(Resilience resilience, Archive archive, ArchiveStatus status) {
		SigmaMindProperties properties = new SigmaMindProperties(URI.create(this.sigmaMind.baseUrl()), this.key,
				Duration.ofSeconds(1), Duration.ofSeconds(3), "/v1/test-runs", 2, DataSize.ofMegabytes(16), resilience);
		SigmaMindTarget target = new SigmaMindTarget() {
			@Override
			public URI baseUrl() {
				return URI.create(CatalogTests.this.sigmaMind.baseUrl());
			}

			@Override
			public String apiKey() {
				return CatalogTests.this.key;
			}
		};
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		return new Catalog(new SigmaMindClient(WebClient.builder(), target, properties, this.clock, meters),
				new Archiving(archive, status, this.clock), new CacheProperties(Duration.ofSeconds(60),
						Duration.ofSeconds(10), Duration.ofHours(24), DataSize.ofMegabytes(64), Duration.ofSeconds(10)),
				properties, this.clock, meters);
	}

	/** An archive of this test's own, empty. */
	private final Archive archive = TestArchives.h2();

	@AfterEach
	void stop() {
		this.sigmaMind.stop();
	}

	private static String finished(String jobId, String testCaseId, int minute, String conversation) {
		return RUN.formatted(jobId, testCaseId, minute, ",\"completedDate\":\"2026-03-26T10:59:00.000Z\"", "true",
				conversation);
	}

	private static String running(String jobId) {
		return RUN.formatted(jobId, "tc_1", 1, "", "null",
				",\"conversation\":[{\"role\":\"user\",\"content\":\"hi\"}]");
	}

	private static final String HI = ",\"conversation\":[{\"role\":\"user\",\"content\":\"hi\"}]";

	private void stubRun(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
		this.sigmaMind.stubFor(get(urlPathEqualTo(RUN_PATH)).willReturn(answer));
	}

	private int calls(String path) {
		return this.sigmaMind
			.countRequestsMatching(
					getRequestedFor(urlPathEqualTo(path)).withHeader("X-API-Key", equalTo(this.key)).build())
			.getCount();
	}

	@Test
	void runWhenHundredConcurrentColdRequestsThenOneUpstreamCallAndAllAnswered() throws Exception {
		stubRun(okJson(finished("job_1", "tc_1", 1, HI)).withFixedDelay(300));
		ExecutorService pool = Executors.newFixedThreadPool(100);
		try {
			List<CompletableFuture<RunDetail>> pages = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				pages.add(CompletableFuture.supplyAsync(() -> this.catalog.run(AGENT, BATCH, JOB), pool));
			}
			for (CompletableFuture<RunDetail> page : pages) {
				assertThat(page.get().transcript().turns()).hasSize(1);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(calls(RUN_PATH)).isEqualTo(1);
	}

	@Test
	void runWhenTranscriptHasTwoThousandMessagesThenDecodesWithinDefaultLimit() {
		String message = "{\"role\":\"%s\",\"content\":\"%s\"}";
		StringBuilder conversation = new StringBuilder(",\"conversation\":[");
		for (int i = 0; i < 2_000; i++) {
			conversation.append((i > 0) ? "," : "")
				.append(message.formatted((i % 2 == 0) ? "user" : "assistant", ("turn " + i + " ").repeat(60)));
		}
		stubRun(okJson(finished("job_1", "tc_1", 1, conversation.append("]").toString())));
		assertThat(this.catalog.run(AGENT, BATCH, JOB).transcript().turns()).hasSize(2_000);
	}

	@Test
	void runWhenFinishedThenNeverAskedAgainEvenMuchLater() {
		stubRun(okJson(finished("job_1", "tc_1", 1, HI)));
		this.catalog.run(AGENT, BATCH, JOB);
		this.clock.advance(Duration.ofDays(3));
		RunDetail again = this.catalog.run(AGENT, BATCH, JOB);
		assertThat(again.staleness()).isNull();
		assertThat(calls(RUN_PATH)).isEqualTo(1);
	}

	@Test
	void runWhenRunningAndPastRefreshThenServedAtOnceAndRenewedInBackground() {
		stubRun(okJson(running("job_1")));
		this.catalog.run(AGENT, BATCH, JOB);
		this.clock.advance(Duration.ofSeconds(11));
		stubRun(okJson(finished("job_1", "tc_1", 1, HI)));
		assertThat(this.catalog.run(AGENT, BATCH, JOB).run().finished()).isFalse();
		await().untilAsserted(() -> assertThat(this.catalog.run(AGENT, BATCH, JOB).run().finished()).isTrue());
		assertThat(calls(RUN_PATH)).isEqualTo(2);
	}

	@Test
	void runWhenRenewalFailsThenKeepsLastGoodValueMarkedStaleUntilMaxStaleness() {
		stubRun(okJson(running("job_1")));
		this.catalog.run(AGENT, BATCH, JOB);
		this.clock.advance(Duration.ofMinutes(4));
		stubRun(aResponse().withStatus(503));
		this.catalog.run(AGENT, BATCH, JOB);
		await().untilAsserted(() -> assertThat(this.catalog.run(AGENT, BATCH, JOB).staleness()).isNotNull());
		RunDetail stale = this.catalog.run(AGENT, BATCH, JOB);
		assertThat(stale.run().jobId()).isEqualTo("job_1");
		assertThat(stale.staleness().since()).isEqualTo(Instant.parse("2026-03-27T09:00:00Z"));
		assertThat(stale.staleness().cause()).isInstanceOf(SigmaMindUnavailableException.class);

		this.clock.advance(Duration.ofHours(24));
		assertThatExceptionOfType(SigmaMindUnavailableException.class)
			.isThrownBy(() -> this.catalog.run(AGENT, BATCH, JOB));
	}

	@Test
	void runWhenRenewalAnswersMalformedBodyThenNotCachedAndGoodValueKept() {
		stubRun(okJson(running("job_1")));
		this.catalog.run(AGENT, BATCH, JOB);
		this.clock.advance(Duration.ofSeconds(11));
		stubRun(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"jobId\":"));
		this.catalog.run(AGENT, BATCH, JOB);
		await().untilAsserted(() -> assertThat(this.catalog.run(AGENT, BATCH, JOB).staleness()).isNotNull());
		RunDetail kept = this.catalog.run(AGENT, BATCH, JOB);
		assertThat(kept.transcript().turns()).hasSize(1);
		assertThat(kept.staleness().cause()).isInstanceOf(SigmaMindBadResponseException.class);
	}

	@Test
	void runWhenColdAndUpstreamDownThenUnavailableAfterThreeAttempts() {
		stubRun(aResponse().withStatus(503));
		assertThatExceptionOfType(SigmaMindUnavailableException.class)
			.isThrownBy(() -> this.catalog.run(AGENT, BATCH, JOB))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.SERVER_ERROR));
		assertThat(calls(RUN_PATH)).isEqualTo(3);
	}

	@Test
	void runWhenConnectionResetThenRetriedThenUnavailable() {
		stubRun(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
		assertThatExceptionOfType(SigmaMindUnavailableException.class)
			.isThrownBy(() -> this.catalog.run(AGENT, BATCH, JOB));
		assertThat(calls(RUN_PATH)).isEqualTo(3);
	}

	@Test
	void runWhenClientErrorThenNeverRetried() {
		stubRun(aResponse().withStatus(400));
		assertThatExceptionOfType(SigmaMindException.class).isThrownBy(() -> this.catalog.run(AGENT, BATCH, JOB));
		stubRun(aResponse().withStatus(404));
		assertThatExceptionOfType(SigmaMindNotFoundException.class)
			.isThrownBy(() -> this.catalog.run(AGENT, BATCH, JOB));
		assertThat(calls(RUN_PATH)).isEqualTo(2);
	}

	@Test
	void runWhenUpstreamHangsThenAnswersWithTimeoutInsteadOfWaiting() {
		stubRun(okJson(finished("job_1", "tc_1", 1, HI)).withFixedDelay(10_000));
		assertThatExceptionOfType(SigmaMindUnavailableException.class)
			.isThrownBy(() -> this.catalog.run(AGENT, BATCH, JOB))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.TIMEOUT));
		assertThat(calls(RUN_PATH)).isEqualTo(1);
	}

	@Test
	void runWhenRateLimitedThenNoUpstreamCallUntilRetryAfterHasPassed() {
		stubRun(aResponse().withStatus(429).withHeader("Retry-After", "30"));
		assertThatExceptionOfType(SigmaMindRateLimitedException.class)
			.isThrownBy(() -> this.catalog.run(AGENT, BATCH, JOB));
		assertThat(calls(RUN_PATH)).isEqualTo(1);
		stubRun(okJson(finished("job_1", "tc_1", 1, HI)));
		this.clock.advance(Duration.ofSeconds(29));
		assertThatExceptionOfType(SigmaMindRateLimitedException.class)
			.isThrownBy(() -> this.catalog.run(AGENT, BATCH, JOB))
			.satisfies((ex) -> assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
		assertThat(calls(RUN_PATH)).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.catalog.run(AGENT, BATCH, JOB).run().finished()).isTrue();
		assertThat(calls(RUN_PATH)).isEqualTo(2);
	}

	@Test
	void runWhenBreakerOpenThenFailsFastWithoutCallingUntilProbeSucceeds() {
		stubRun(aResponse().withStatus(503));
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(SigmaMindUnavailableException.class)
				.isThrownBy(() -> this.catalog.run(AGENT, BATCH, JOB));
		}
		int before = this.sigmaMind.getAllServeEvents().size();
		assertThatExceptionOfType(SigmaMindUnavailableException.class)
			.isThrownBy(() -> this.catalog.run(AGENT, BATCH, Id.of("job_2")))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.CIRCUIT_OPEN));
		assertThat(this.sigmaMind.getAllServeEvents()).hasSize(before);

		// After the open period one probe goes through; its success closes the breaker.
		this.clock.advance(Duration.ofSeconds(31));
		stubRun(okJson(finished("job_1", "tc_1", 1, HI)));
		assertThat(this.catalog.run(AGENT, BATCH, JOB).run().finished()).isTrue();
	}

	@Test
	void runWhenCachedAndUpstreamDownThenStillServedMarkedStale() {
		stubRun(okJson(running("job_1")));
		this.catalog.run(AGENT, BATCH, JOB);
		this.sigmaMind.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));
		this.clock.advance(Duration.ofSeconds(11));
		assertThat(this.catalog.run(AGENT, BATCH, JOB).run().jobId()).isEqualTo("job_1");
		await().untilAsserted(() -> assertThat(this.catalog.run(AGENT, BATCH, JOB).staleness()).isNotNull()
			.satisfies((stale) -> assertThat(stale.cause()).isInstanceOf(SigmaMindUnavailableException.class)));
	}

	@Test
	void runWhenCachedAndRateLimitedThenServedStaleWithTheReason() {
		stubRun(okJson(running("job_1")));
		this.catalog.run(AGENT, BATCH, JOB);
		stubRun(aResponse().withStatus(429).withHeader("Retry-After", "60"));
		this.clock.advance(Duration.ofSeconds(11));
		this.catalog.run(AGENT, BATCH, JOB);
		await().untilAsserted(() -> assertThat(this.catalog.run(AGENT, BATCH, JOB).staleness()).isNotNull()
			.satisfies((stale) -> assertThat(stale.cause()).isInstanceOf(SigmaMindRateLimitedException.class)));
	}

	@Test
	void runWhenSlowFailuresOutlastThePageBudgetThenPageGetsTimeoutNotAWait() {
		// Three 503s of 1.3 s each outlast the 3.5 s budget though no single call times
		// out.
		stubRun(aResponse().withStatus(503).withFixedDelay(1_300));
		assertThatExceptionOfType(SigmaMindUnavailableException.class)
			.isThrownBy(() -> this.catalog.run(AGENT, BATCH, JOB))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.TIMEOUT));
	}

	@Test
	void runWhenRenewalAnswers404ThenTheRunIsGoneNotStale() {
		stubRun(okJson(running("job_1")));
		this.catalog.run(AGENT, BATCH, JOB);
		stubRun(aResponse().withStatus(404));
		this.clock.advance(Duration.ofSeconds(11));
		this.catalog.run(AGENT, BATCH, JOB);
		await().untilAsserted(() -> assertThatExceptionOfType(SigmaMindNotFoundException.class)
			.isThrownBy(() -> this.catalog.run(AGENT, BATCH, JOB)));
	}

	@Test
	void runWhenClientErrorsRepeatThenBreakerStaysClosed() {
		stubRun(aResponse().withStatus(400));
		for (int i = 0; i < 6; i++) {
			assertThatExceptionOfType(SigmaMindException.class).isThrownBy(() -> this.catalog.run(AGENT, BATCH, JOB));
		}
		stubRun(okJson(finished("job_1", "tc_1", 1, HI)));
		assertThat(this.catalog.run(AGENT, BATCH, JOB).run().finished()).isTrue();
	}

	@Test
	void refreshRunWhenNothingCachedAndSigmaMindDownThenSaysFailed() {
		stubRun(aResponse().withStatus(503));
		assertThat(this.catalog.refreshRun(AGENT, BATCH, JOB)).isEqualTo(RefreshOutcome.FAILED);
	}

	@Test
	void batchRunsWhenBatchJustStartedWithNoRunsThenAskedAgainSoon() {
		this.sigmaMind
			.stubFor(get(urlPathEqualTo("/v1/batch-runs/batch_1")).willReturn(okJson("{\"batchId\":\"batch_1\"}")));
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs")).willReturn(okJson("{\"data\":[]}")));
		assertThat(this.catalog.batchRuns(AGENT, BATCH).runs().value().runs()).isEmpty();
		this.clock.advance(Duration.ofSeconds(11));
		this.catalog.batchRuns(AGENT, BATCH);
		await().untilAsserted(() -> assertThat(calls("/v1/test-runs")).isEqualTo(2));
		assertThat(calls("/v1/batch-runs/batch_1")).isEqualTo(2);
	}

	@Test
	void runWhenNoConversationThenTranscriptComesFromChat() {
		stubRun(okJson(finished("job_1", "tc_1", 1, "")));
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/chats/chat_1")).willReturn(okJson(
				"{\"chatId\":\"chat_1\",\"status\":\"ended\",\"items\":[{\"role\":\"user\",\"content\":[\"hello\"]}]}")));
		RunDetail detail = this.catalog.run(AGENT, BATCH, JOB);
		assertThat(detail.transcript().source()).isEqualTo(Conversation.Source.CHAT);
		assertThat(detail.transcript().turns()).singleElement()
			.satisfies((turn) -> assertThat(turn.text()).isEqualTo("hello"));
		assertThat(detail.transcriptProblem()).isNull();
	}

	@Test
	void runWhenChatFailsThenRunStillReadableWithNote() {
		stubRun(okJson(finished("job_1", "tc_1", 1, "")));
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/chats/chat_1")).willReturn(aResponse().withStatus(404)));
		RunDetail detail = this.catalog.run(AGENT, BATCH, JOB);
		assertThat(detail.run().verdict()).isEqualTo(Verdict.PASSED);
		assertThat(detail.transcript().turns()).isEmpty();
		assertThat(detail.transcriptProblem()).contains("chat_1");
	}

	@Test
	void batchRunsWhenSeveralPagesThenCollectsAllAndNumbersAttempts() {
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/batch-runs/batch_1")).willReturn(okJson(
				"{\"batchId\":\"batch_1\",\"successfulAttempts\":3,\"failedAttempts\":0," + "\"totalAttempts\":3}")));
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs")).withQueryParam("page", equalTo("0"))
			.willReturn(okJson("{\"data\":[" + finished("job_3", "tc_1", 3, "") + "," + finished("job_2", "tc_2", 2, "")
					+ "],\"page\":0,\"size\":2,\"totalCounts\":3,\"totalPages\":2,\"hasNext\":true}")));
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs")).withQueryParam("page", equalTo("1"))
			.willReturn(okJson("{\"data\":[" + finished("job_1", "tc_1", 1, "")
					+ "],\"page\":1,\"size\":2,\"totalCounts\":3,\"totalPages\":2,\"hasNext\":false}")));
		RunList runs = this.catalog.batchRuns(AGENT, BATCH).runs().value();
		assertThat(runs.listed()).isTrue();
		assertThat(runs.runs()).hasSize(3);
		assertThat(runs.attempt("job_1")).isEqualTo(new Attempt(1, 2));
		assertThat(runs.attempt("job_3")).isEqualTo(new Attempt(2, 2));
		assertThat(runs.attempt("job_2")).isEqualTo(new Attempt(1, 2));
		this.clock.advance(Duration.ofDays(2));
		this.catalog.batchRuns(AGENT, BATCH);
		assertThat(calls("/v1/test-runs")).as("a finished batch's runs are fetched once").isEqualTo(2);
	}

	@Test
	void batchRunsWhenAskedAgainThenTheSameRunListUntilRefreshedThenANewOne() {
		// What batch pages work out from a run list is kept by the list's identity.
		this.sigmaMind
			.stubFor(get(urlPathEqualTo("/v1/batch-runs/batch_1")).willReturn(okJson("{\"batchId\":\"batch_1\"}")));
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs"))
			.willReturn(okJson("{\"data\":[" + finished("job_1", "tc_1", 1, "") + "]}")));
		RunList first = this.catalog.batchRuns(AGENT, BATCH).runs().value();
		assertThat(this.catalog.batchRuns(AGENT, BATCH).runs().value()).isSameAs(first);
		assertThat(this.catalog.runsIfCached(AGENT, BATCH)).isSameAs(first);
		assertThat(this.catalog.refreshBatch(AGENT, BATCH)).isEqualTo(RefreshOutcome.REFRESHED);
		// Caffeine puts the renewed value in the map just after the renewal's own future
		// completes, so the next request may still see the old one for a moment.
		await().until(() -> this.catalog.batchRuns(AGENT, BATCH).runs().value() != first);
		RunList refreshed = this.catalog.batchRuns(AGENT, BATCH).runs().value();
		assertThat(refreshed).isNotSameAs(first);
		assertThat(refreshed.runs()).isEqualTo(first.runs());
	}

	@Test
	void batchRunsWhenListCallAnswers405Or404ThenUnlisted() {
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/batch-runs/batch_1")).willReturn(okJson("{\"batchId\":\"b\"}")));
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/batch-runs/batch_2")).willReturn(okJson("{\"batchId\":\"b\"}")));
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs")).withQueryParam("batchId", equalTo("batch_1"))
			.willReturn(aResponse().withStatus(405)));
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs")).withQueryParam("batchId", equalTo("batch_2"))
			.willReturn(aResponse().withStatus(404)));
		assertThat(this.catalog.batchRuns(AGENT, BATCH).runs().value().listed()).isFalse();
		assertThat(this.catalog.batchRuns(AGENT, Id.of("batch_2")).runs().value().listed()).isFalse();
	}

	@Test
	void runWhenArchiveDatabaseDownThenReadFromSigmaMindWithAFewWarningsAndAdminsTold(CapturedOutput output)
			throws Exception {
		DataSource dataSource = TestArchives.h2DataSource();
		Archive down = new Archive(dataSource);
		((AutoCloseable) dataSource).close();
		ArchiveStatus status = new ArchiveStatus(this.clock);
		Catalog catalog = catalog(new Resilience(3, Duration.ofMillis(5), 8, Duration.ofSeconds(5),
				Duration.ofSeconds(30), Duration.ofMinutes(5), 4, 4, 50, Duration.ofSeconds(30)), down, status);
		for (int i = 1; i <= 20; i++) {
			this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs/job_" + i))
				.willReturn(okJson(finished("job_" + i, "tc_1", 1, HI))));
			assertThat(catalog.run(AGENT, BATCH, Id.of("job_" + i)).run().jobId()).isEqualTo("job_" + i);
		}
		await().until(() -> catalog.archiveBacklog() == 0);
		assertThat(status.troubled()).isTrue();
		assertThat(catalog.archiveFigures().problem()).contains("does not answer");
		// One line a minute for failed reads, one for failed writes, one for the figures
		// (all "read" or "write" kinds): never one per page.
		assertThat(output.getOut().lines().filter((line) -> line.contains(" WARN ") && line.contains("archive")))
			.hasSizeBetween(1, 3)
			.noneMatch((line) -> line.contains("\tat "));
		this.clock.advance(Duration.ofMinutes(6));
		assertThat(status.troubled()).isFalse();
	}

	@Test
	void refreshRunWhenAskedTwiceQuicklyThenSecondIsRefusedWithoutUpstreamCall() {
		stubRun(okJson(running("job_1")));
		this.catalog.run(AGENT, BATCH, JOB);
		assertThat(this.catalog.refreshRun(AGENT, BATCH, JOB)).isEqualTo(RefreshOutcome.REFRESHED);
		assertThat(this.catalog.refreshRun(AGENT, BATCH, JOB)).isEqualTo(RefreshOutcome.TOO_SOON);
		assertThat(calls(RUN_PATH)).isEqualTo(2);
		this.clock.advance(Duration.ofSeconds(11));
		stubRun(aResponse().withStatus(503));
		assertThat(this.catalog.refreshRun(AGENT, BATCH, JOB)).isEqualTo(RefreshOutcome.FAILED);
		assertThat(this.catalog.run(AGENT, BATCH, JOB).run().jobId()).isEqualTo("job_1");
	}

	@Test
	void cachesWhenUsedThenFiguresCountHitsAndMisses() {
		stubRun(okJson(finished("job_1", "tc_1", 1, HI)));
		this.catalog.run(AGENT, BATCH, JOB);
		this.catalog.run(AGENT, BATCH, JOB);
		assertThat(this.catalog.figures()).filteredOn((figures) -> figures.name().equals("runs"))
			.singleElement()
			.satisfies((runs) -> {
				assertThat(runs.hits()).isEqualTo(1);
				assertThat(runs.misses()).isEqualTo(1);
			});
		assertThat(calls(RUN_PATH)).isEqualTo(1);
	}

}
