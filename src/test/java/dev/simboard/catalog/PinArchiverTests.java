package dev.simboard.catalog;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.simboard.MutableClock;
import dev.simboard.archive.Archive;
import dev.simboard.archive.ArchivedBatch;
import dev.simboard.archive.Pin;
import dev.simboard.archive.TestArchives;
import dev.simboard.model.Id;
import dev.simboard.sigmamind.SigmaMindClient;
import dev.simboard.sigmamind.SigmaMindNotFoundException;
import dev.simboard.sigmamind.SigmaMindProperties;
import dev.simboard.sigmamind.SigmaMindProperties.Resilience;
import dev.simboard.sigmamind.SigmaMindTarget;

import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Pinned baselines over the real catalog, client and archiver, against a fake SigmaMind
 * on a real port and an archive on H2, with time moved by hand.
 */
class PinArchiverTests {

	private static final Id AGENT = Id.of("agent_1");

	private static final Id BATCH = Id.of("batch_1");

	private final WireMockServer sigmaMind = new WireMockServer(options().dynamicPort());

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-27T09:00:00Z"));

	/** This test's own key, so a call an earlier test still makes does not count here. */
	private final String key = "key-" + UUID.randomUUID();

	private final Archive archive = TestArchives.h2();

	private final List<PinArchiver> archivers = new ArrayList<>();

	private final List<Archiving> writers = new ArrayList<>();

	private Pins pins;

	private Catalog catalog;

	@BeforeEach
	void start() {
		this.sigmaMind.start();
		this.pins = pins();
	}

	@AfterEach
	void stop() throws InterruptedException {
		for (PinArchiver archiver : this.archivers) {
			archiver.close();
		}
		for (Archiving writer : this.writers) {
			writer.close();
		}
		this.sigmaMind.stop();
	}

	/**
	 * A Simboard's pins, catalog and archiver on this test's archive: call again for
	 * another Simboard after a restart.
	 */
	private Pins pins() {
		SigmaMindProperties properties = new SigmaMindProperties(URI.create(this.sigmaMind.baseUrl()), this.key,
				Duration.ofSeconds(1), Duration.ofSeconds(3), "/v1/test-runs", 100, DataSize.ofMegabytes(16),
				new Resilience(3, Duration.ofMillis(5), 8, Duration.ofSeconds(5), Duration.ofSeconds(30),
						Duration.ofMinutes(5), 10, 10, 50, Duration.ofSeconds(30)));
		SigmaMindTarget target = new SigmaMindTarget() {
			@Override
			public URI baseUrl() {
				return URI.create(PinArchiverTests.this.sigmaMind.baseUrl());
			}

			@Override
			public String apiKey() {
				return PinArchiverTests.this.key;
			}
		};
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		SigmaMindClient client = new SigmaMindClient(WebClient.builder(), target, properties, this.clock, meters);
		Archiving archiving = new Archiving(this.archive, new ArchiveStatus(this.clock), this.clock);
		Catalog catalog = new Catalog(
				client, archiving, new CacheProperties(Duration.ofSeconds(60), Duration.ofSeconds(10),
						Duration.ofHours(24), DataSize.ofMegabytes(64), Duration.ofSeconds(10)),
				properties, this.clock, meters);
		// Passes that leave work follow one another at once: the tests wait for outcomes.
		PinArchiver archiver = new PinArchiver(catalog, client, archiving, this.archive, this.clock,
				Duration.ofMillis(20));
		this.catalog = catalog;
		this.writers.add(archiving);
		this.archivers.add(archiver);
		return new Pins(catalog, this.archive, archiver, this.clock);
	}

	@Test
	void pinWhenBatchPinnedThenEveryRunIsArchivedWithItsChat() {
		stubBatch(5, 5);
		stubRuns(finished("job_1", true), finished("job_2", true), finished("job_3", true), finished("job_4", false),
				finished("job_5", false));
		stubChat("chat_job_4", 200);
		stubChat("chat_job_5", 200);

		assertThat(this.pins.pin(AGENT, BATCH, "  release\n 2.3 ", "ann")).isEqualTo(PinOutcome.PINNED);

		await().until(() -> this.archive.findPin(BATCH.value()).orElseThrow().state() == Pin.State.ARCHIVED);
		assertThat(this.archive.findPin(BATCH.value())).get()
			.satisfies((pin) -> assertThat(pin.name()).isEqualTo("release 2.3"))
			.satisfies((pin) -> assertThat(pin.pinnedBy()).isEqualTo("ann"))
			.satisfies((pin) -> assertThat(List.of(pin.runsKnown(), pin.runsArchived())).containsExactly(5, 5));
		assertThat(this.archive.archivedJobIds(BATCH.value())).containsExactlyInAnyOrder("job_1", "job_2", "job_3",
				"job_4", "job_5");
		assertThat(this.archive.jobIdsWithChat(BATCH.value())).containsExactlyInAnyOrder("job_4", "job_5");
		assertThat(this.archive.findRun("job_4").orElseThrow().chatJson()).contains("hello from job_4");
		assertThat(this.archive.findBatch(BATCH.value())).get().extracting(ArchivedBatch::runsArchived).isEqualTo(true);
		assertThat(calls("/v1/chats/chat_job_4") + calls("/v1/chats/chat_job_5")).isEqualTo(2);
		assertThat(calls("/v1/test-runs")).as("the run list, once").isEqualTo(1);
		assertThat(this.pins.find(AGENT, BATCH)).get().extracting(PinnedBatch::archiving).isEqualTo(false);
	}

	@Test
	void pinWhenBatchStillRunsThenItsRunsAreArchivedOnceItHasFinished() {
		stubBatch(2, 5);
		stubRuns(finished("job_1", true), finished("job_2", false), running("job_3"), running("job_4"),
				running("job_5"));
		stubChat("chat_job_2", 200);

		assertThat(this.pins.pin(AGENT, BATCH, "nightly", "ann")).isEqualTo(PinOutcome.PINNED);

		await().until(() -> this.archive.findPin(BATCH.value()).orElseThrow().runsKnown() == 5);
		assertThat(this.archive.findPin(BATCH.value()).orElseThrow().state()).isEqualTo(Pin.State.ARCHIVING);
		assertThat(calls("/v1/chats/chat_job_2")).as("nothing fetched while it runs").isZero();

		stubBatch(5, 5);
		stubRuns(finished("job_1", true), finished("job_2", false), finished("job_3", true), finished("job_4", true),
				finished("job_5", true));
		this.clock.advance(Duration.ofSeconds(11));
		// The run list renewed alongside may still have judged itself against the running
		// batch: once the batch is renewed, the next renewal of the list is complete.
		await().until(() -> this.catalog.batchRuns(AGENT, BATCH).batch().value().finished());
		this.clock.advance(Duration.ofSeconds(11));

		await().until(() -> this.archive.findPin(BATCH.value()).orElseThrow().state() == Pin.State.ARCHIVED);
		assertThat(this.archive.findPin(BATCH.value()).orElseThrow().runsArchived()).isEqualTo(5);
		assertThat(this.archive.jobIdsWithChat(BATCH.value())).containsExactly("job_2");
	}

	@Test
	void pinWhenAChatIsGoneThenDoneWithWhatSigmaMindStillHas() {
		stubBatch(3, 3);
		stubRuns(finished("job_1", true), finished("job_2", false), finished("job_3", false));
		stubChat("chat_job_2", 200);
		stubChat("chat_job_3", 404);

		this.pins.pin(AGENT, BATCH, "release 2.3", "ann");

		await().until(() -> this.archive.findPin(BATCH.value()).orElseThrow().state() == Pin.State.ARCHIVED);
		Pin pin = this.archive.findPin(BATCH.value()).orElseThrow();
		assertThat(List.of(pin.runsKnown(), pin.runsArchived())).containsExactly(3, 2);
		assertThat(this.archive.archivedJobIds(BATCH.value())).hasSize(3);
		assertThat(calls("/v1/chats/chat_job_3")).as("a 404 is not asked again").isOne();
	}

	@Test
	void resumeWhenAnEarlierSimboardLeftAPinArchivingThenTheNextOneFinishesIt() {
		stubBatch(2, 2);
		stubRuns(finished("job_1", true), finished("job_2", false));
		stubChat("chat_job_2", 200);
		// Stopped before its first pass: the pin is all there is.
		this.archive.pin(Pin.of(BATCH.value(), AGENT.value(), "release 2.3", "ann", this.clock.instant()));

		Pins restarted = pins();
		this.archivers.get(1).resume();

		await().until(() -> this.archive.findPin(BATCH.value()).orElseThrow().state() == Pin.State.ARCHIVED);
		assertThat(restarted.find(AGENT, BATCH)).get()
			.satisfies((pin) -> assertThat(List.of(pin.runsKnown(), pin.runsArchived())).containsExactly(2, 2));
		assertThat(this.archive.jobIdsWithChat(BATCH.value())).containsExactly("job_2");
	}

	@Test
	void pinWhenPinnedAlreadyThenTheFirstNameStaysAndUnpinLetsItGo() {
		stubBatch(1, 1);
		stubRuns(finished("job_1", true));
		this.pins.pin(AGENT, BATCH, "release 2.3", "ann");

		assertThat(this.pins.pin(AGENT, BATCH, "another", "raj")).isEqualTo(PinOutcome.ALREADY_PINNED);
		assertThat(this.pins.ofAgent(AGENT)).extracting(PinnedBatch::name).containsExactly("release 2.3");
		assertThat(this.pins.unpin(Id.of("agent_2"), BATCH)).as("another agent's").isEqualTo(PinOutcome.NOT_PINNED);
		assertThat(this.pins.unpin(AGENT, BATCH)).isEqualTo(PinOutcome.UNPINNED);
		assertThat(this.pins.unpin(AGENT, BATCH)).isEqualTo(PinOutcome.NOT_PINNED);
		assertThat(this.pins.ofAgent(AGENT)).isEmpty();
	}

	@Test
	void pinWhenSigmaMindHasNoSuchBatchThenNotFoundAndNothingPinned() {
		this.sigmaMind.stubFor(get(urlPathMatching("/v1/.*")).willReturn(aResponse().withStatus(404)));

		assertThatExceptionOfType(SigmaMindNotFoundException.class)
			.isThrownBy(() -> this.pins.pin(AGENT, Id.of("batch_gone"), "release 2.3", "ann"));
		assertThat(this.archive.findPin("batch_gone")).isEmpty();
	}

	@Test
	void nameWhenTypedThenTrimmedWithSpacesAsOneAndRefusedWhenEmptyOrTooLong() {
		assertThat(Pins.name(" release\t\t2.3\u0000 ")).contains("release 2.3");
		assertThat(Pins.name("<b>x</b>")).contains("<b>x</b>");
		assertThat(Pins.name(" \n ")).isEmpty();
		assertThat(Pins.name(null)).isEmpty();
		assertThat(Pins.name("x".repeat(Pins.MAX_NAME_LENGTH))).isPresent();
		assertThat(Pins.name("x".repeat(Pins.MAX_NAME_LENGTH + 1))).isEmpty();
	}

	private int calls(String path) {
		return this.sigmaMind
			.countRequestsMatching(
					getRequestedFor(urlPathEqualTo(path)).withHeader("X-API-Key", equalTo(this.key)).build())
			.getCount();
	}

	private void stubBatch(int passed, int total) {
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/batch-runs/" + BATCH.value()))
			.willReturn(okJson("{\"batchId\":\"batch_1\",\"agent\":{\"agentId\":\"agent_1\"},"
					+ "\"createdDate\":\"2026-03-26T10:50:00.000Z\",\"successfulAttempts\":" + passed
					+ ",\"failedAttempts\":0,\"totalAttempts\":" + total + "}")));
	}

	private void stubRuns(String... runs) {
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs"))
			.willReturn(okJson("{\"data\":[" + String.join(",", runs) + "],\"page\":0,\"size\":100,\"totalCount\":"
					+ runs.length + ",\"totalPages\":1,\"hasNext\":false}")));
	}

	private void stubChat(String chatId, int status) {
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/chats/" + chatId)).willReturn((status == 200)
				? okJson("{\"chatId\":\"" + chatId + "\",\"status\":\"ended\",\"messages\":[{\"role\":\"user\","
						+ "\"content\":\"hello from " + chatId.substring("chat_".length()) + "\"}]}")
				: aResponse().withStatus(status).withBody("{\"message\":\"not found\"}")));
	}

	/** A finished run: of the newer dialect with its conversation, or the older. */
	private static String finished(String jobId, boolean newer) {
		return run(jobId, ",\"completedDate\":\"2026-03-26T10:59:00.000Z\",\"isSuccessful\":true", newer);
	}

	private static String running(String jobId) {
		return run(jobId, ",\"isSuccessful\":null", true);
	}

	private static String run(String jobId, String outcome, boolean newer) {
		String conversation = newer ? ",\"conversation\":[{\"role\":\"user\",\"content\":\"hi\"}]" : "";
		return "{\"batchId\":\"batch_1\",\"agent\":{\"agentId\":\"agent_1\"},\"jobId\":\"" + jobId + "\","
				+ "\"chatId\":\"chat_" + jobId + "\",\"testCase\":{\"testCaseId\":\"tc_" + jobId
				+ "\",\"label\":\"Case\",\"attempt\":1},\"createdDate\":\"2026-03-26T10:51:00.000Z\"" + outcome
				+ ",\"remarks\":\"ok\"" + conversation + "}";
	}

}
