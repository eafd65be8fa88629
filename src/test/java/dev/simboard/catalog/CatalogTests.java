package dev.simboard.catalog;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.simboard.sigmamind.SigmaMindClient;
import dev.simboard.sigmamind.SigmaMindProperties;
import dev.simboard.sigmamind.SigmaMindTarget;
import dev.simboard.transcript.Transcript;

import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog with the real client against a fake SigmaMind on a real port.
 */
class CatalogTests {

	private static final String RUN = """
			{"batchId":"batch_1","agent":{"agentId":"agent_1","name":"A"},"jobId":"%s","chatId":"chat_1",
			 "testCase":{"testCaseId":"%s","label":"L","attempt":2},
			 "createdDate":"2026-03-26T10:5%d:00.000Z","completedDate":"2026-03-26T10:59:00.000Z",
			 "isSuccessful":true,"remarks":"ok"%s}""";

	private final WireMockServer sigmaMind = new WireMockServer(options().dynamicPort());

	private Catalog catalog;

	@BeforeEach
	void start() {
		this.sigmaMind.start();
		SigmaMindProperties properties = new SigmaMindProperties(URI.create(this.sigmaMind.baseUrl()), "key",
				Duration.ofSeconds(1), Duration.ofSeconds(2), "/v1/test-runs", 2, DataSize.ofMegabytes(16));
		SigmaMindTarget target = new SigmaMindTarget() {
			@Override
			public URI baseUrl() {
				return URI.create(CatalogTests.this.sigmaMind.baseUrl());
			}

			@Override
			public String apiKey() {
				return "key";
			}
		};
		this.catalog = new Catalog(new SigmaMindClient(WebClient.builder(), target, properties), new CacheProperties(
				Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofHours(24), DataSize.ofMegabytes(64)));
	}

	@AfterEach
	void stop() {
		this.sigmaMind.stop();
	}

	private static String run(String jobId, String testCaseId, int minute, String conversation) {
		return RUN.formatted(jobId, testCaseId, minute, conversation);
	}

	@Test
	void runWhenManyConcurrentColdRequestsThenOneUpstreamCall() throws Exception {
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs/job_1"))
			.willReturn(okJson(run("job_1", "tc_1", 1, ",\"conversation\":[{\"role\":\"user\",\"content\":\"hi\"}]"))
				.withFixedDelay(300)));
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			List<CompletableFuture<RunDetail>> pages = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				pages.add(CompletableFuture.supplyAsync(() -> this.catalog.run("agent_1", "batch_1", "job_1"), pool));
			}
			for (CompletableFuture<RunDetail> page : pages) {
				assertThat(page.get().transcript().turns()).hasSize(1);
			}
		}
		finally {
			pool.shutdown();
		}
		this.sigmaMind.verify(1, getRequestedFor(urlPathEqualTo("/v1/test-runs/job_1")));
	}

	@Test
	void runWhenNoConversationThenTranscriptComesFromChat() {
		this.sigmaMind
			.stubFor(get(urlPathEqualTo("/v1/test-runs/job_1")).willReturn(okJson(run("job_1", "tc_1", 1, ""))));
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/chats/chat_1")).willReturn(okJson(
				"{\"chatId\":\"chat_1\",\"status\":\"ended\",\"items\":[{\"role\":\"user\",\"content\":[\"hello\"]}]}")));
		RunDetail detail = this.catalog.run("agent_1", "batch_1", "job_1");
		assertThat(detail.transcript().source()).isEqualTo(Transcript.Source.CHAT);
		assertThat(detail.transcript().turns()).singleElement()
			.satisfies((turn) -> assertThat(turn.text()).isEqualTo("hello"));
		assertThat(detail.transcriptProblem()).isNull();
	}

	@Test
	void runWhenChatFailsThenRunStillReadableWithNote() {
		this.sigmaMind
			.stubFor(get(urlPathEqualTo("/v1/test-runs/job_1")).willReturn(okJson(run("job_1", "tc_1", 1, ""))));
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/chats/chat_1")).willReturn(aResponse().withStatus(500)));
		RunDetail detail = this.catalog.run("agent_1", "batch_1", "job_1");
		assertThat(detail.run().successful()).isTrue();
		assertThat(detail.transcript().turns()).isEmpty();
		assertThat(detail.transcriptProblem()).contains("chat_1");
	}

	@Test
	void runsWhenSeveralPagesThenCollectsAllAndNumbersAttempts() {
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs")).withQueryParam("page", equalTo("0"))
			.willReturn(okJson("{\"data\":[" + run("job_3", "tc_1", 3, "") + "," + run("job_2", "tc_2", 2, "")
					+ "],\"page\":0,\"size\":2,\"totalCounts\":3,\"totalPages\":2,\"hasNext\":true}")));
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs")).withQueryParam("page", equalTo("1"))
			.willReturn(okJson("{\"data\":[" + run("job_1", "tc_1", 1, "")
					+ "],\"page\":1,\"size\":2,\"totalCounts\":3,\"totalPages\":2,\"hasNext\":false}")));
		RunList runs = this.catalog.runs("agent_1", "batch_1");
		assertThat(runs.listed()).isTrue();
		assertThat(runs.runs()).hasSize(3);
		assertThat(runs.attempt("job_1")).isEqualTo(new Attempt(1, 2));
		assertThat(runs.attempt("job_3")).isEqualTo(new Attempt(2, 2));
		assertThat(runs.attempt("job_2")).isEqualTo(new Attempt(1, 2));
		this.catalog.runs("agent_1", "batch_1");
		this.sigmaMind.verify(2, getRequestedFor(urlPathEqualTo("/v1/test-runs")));
	}

	@Test
	void runsWhenListCallAnswers405Or404ThenUnlisted() {
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs")).withQueryParam("batchId", equalTo("batch_1"))
			.willReturn(aResponse().withStatus(405)));
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs")).withQueryParam("batchId", equalTo("batch_2"))
			.willReturn(aResponse().withStatus(404)));
		assertThat(this.catalog.runs("agent_1", "batch_1").listed()).isFalse();
		assertThat(this.catalog.runs("agent_1", "batch_2").listed()).isFalse();
	}

}
