package dev.simboard.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.simboard.demo.DemoData.Agent;
import dev.simboard.demo.DemoData.Batch;
import dev.simboard.demo.DemoData.Chat;
import dev.simboard.demo.DemoData.Landmarks;
import dev.simboard.demo.DemoData.Message;
import dev.simboard.demo.DemoData.Run;
import dev.simboard.demo.DemoData.TestCase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeout;

class DemoDataTests {

	static final Instant NOW = Instant.parse("2026-03-26T12:00:00Z");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z_]+\\}");

	private final DemoData data = new DemoData(DemoProperties.defaults(), NOW);

	@Test
	void dataWhenSameSeedThenIdentical() {
		DemoData again = new DemoData(DemoProperties.defaults(), NOW);
		assertThat(again.agents()).isEqualTo(this.data.agents());
		assertThat(again.workspaceId()).isEqualTo(this.data.workspaceId());
		for (Agent agent : this.data.agents()) {
			assertThat(again.testCases(agent)).isEqualTo(this.data.testCases(agent));
			assertThat(again.batches(agent)).isEqualTo(this.data.batches(agent));
			for (Batch batch : this.data.batches(agent)) {
				List<Run> runs = this.data.runs(batch, 0, Integer.MAX_VALUE);
				assertThat(again.runs(batch, 0, Integer.MAX_VALUE)).isEqualTo(runs);
				for (Run run : runs) {
					assertThat(again.chat(run)).isEqualTo(this.data.chat(run));
				}
			}
		}
	}

	@Test
	void dataWhenSameSeedLaterThenSameIdsVerdictsAndTextsShifted() {
		DemoData later = new DemoData(DemoProperties.defaults(), NOW.plus(Duration.ofDays(3)));
		Batch batch = this.data.landmarks().showcaseBatch();
		Batch laterBatch = later.batches(later.agents().get(0)).get(1);
		assertThat(laterBatch.batchId()).isEqualTo(batch.batchId());
		assertThat(laterBatch.createdDate()).isEqualTo(batch.createdDate().plus(Duration.ofDays(3)));
		List<Run> runs = this.data.runs(batch, 0, 100);
		List<Run> laterRuns = later.runs(laterBatch, 0, 100);
		for (int i = 0; i < runs.size(); i++) {
			assertThat(laterRuns.get(i).jobId()).isEqualTo(runs.get(i).jobId());
			assertThat(laterRuns.get(i).successful()).isEqualTo(runs.get(i).successful());
			assertThat(laterRuns.get(i).remarks()).isEqualTo(runs.get(i).remarks());
			assertThat(texts(later.conversation(laterRuns.get(i))))
				.isEqualTo(texts(this.data.conversation(runs.get(i))));
		}
	}

	@Test
	void dataWhenOtherSeedThenOtherIds() {
		DemoData other = new DemoData(new DemoProperties(7, 4, 6, 6, 2, 120, Duration.ZERO, null, List.of()), NOW);
		assertThat(other.agents().get(0).agentId()).isNotEqualTo(this.data.agents().get(0).agentId());
		assertThat(other.agents().get(0).name()).isEqualTo("Billing Support");
	}

	@Test
	void sizesWhenDefaultThenFollowProperties() {
		assertThat(this.data.agents()).hasSize(4);
		assertThat(this.data.agents()).extracting(Agent::name)
			.containsExactly("Billing Support", "Appointment Booking", "Returns & Refunds", "Onboarding Concierge");
		assertThat(this.data.agents()).extracting(Agent::status).containsExactly("Live", "Testing", "active", "Live");
		assertThat(this.data.batchCount()).isEqualTo(24);
		assertThat(this.data.testCaseCount()).isEqualTo(24);
		assertThat(this.data.runCount()).isEqualTo(288);
		for (Agent agent : this.data.agents()) {
			assertThat(this.data.batches(agent)).hasSize(6).allSatisfy((batch) -> {
				assertThat(batch.agent()).isEqualTo(agent);
				assertThat(batch.totalAttempts()).isEqualTo(12);
				assertThat(this.data.runs(batch, 0, 1000)).hasSize(12);
			});
			assertThat(this.data.testCases(agent)).hasSize(6).allSatisfy((testCase) -> {
				assertThat(testCase.attempts()).isEqualTo(2);
				assertThat(testCase.agent()).isEqualTo(agent);
				assertThat(testCase.mockData()).isNotEmpty();
				assertThat(testCase.llmModel()).startsWith("gpt-4");
			});
		}
		assertThat(this.data.testCases(this.data.agents().get(0))).extracting(TestCase::label)
			.contains("Angry Customer - Cancellation Flow");
		assertThat(this.data.testCases(this.data.agents().get(2))).extracting(TestCase::label)
			.contains("Refund outside 30-day window");
	}

	@Test
	void sizesWhenLargeThenGeneratedFastWithoutConversations() {
		DemoProperties properties = new DemoProperties(20260301, 1, 20, 500, 4, 120, Duration.ZERO, null, List.of());
		DemoData large = assertTimeout(Duration.ofSeconds(5), () -> new DemoData(properties, NOW));
		Agent agent = large.agents().get(0);
		assertThat(large.runCount()).isEqualTo(40_000);
		assertThat(large.batches(agent)).hasSize(20).allSatisfy((batch) -> {
			assertThat(batch.totalAttempts()).isEqualTo(2_000);
			assertThat(batch.createdDate()).isBefore(NOW);
		});
		assertThat(large.testCases(agent)).hasSize(500);
		assertThat(large.testCases(agent)).extracting(TestCase::label).doesNotHaveDuplicates();
		Batch oldest = large.batches(agent).get(19);
		List<Run> lastPage = large.runs(oldest, 1_950, 200);
		assertThat(lastPage).hasSize(50);
		assertThat(large.run(lastPage.get(49).jobId())).contains(lastPage.get(49));
		assertThat(lastPage.get(49).completedDate()).isBefore(NOW);
		long failed = large.batches(agent).stream().mapToLong(Batch::failedAttempts).sum();
		long judged = large.batches(agent)
			.stream()
			.mapToLong((batch) -> batch.failedAttempts() + batch.successfulAttempts())
			.sum();
		assertThat((double) failed / judged).isBetween(0.18, 0.32);
		long older = 0;
		for (Batch batch : large.batches(agent).subList(1, 4)) {
			older += large.runs(batch, 0, 2_000).stream().filter(Run::olderDialect).count();
		}
		assertThat(older / 6_000.0).isBetween(0.13, 0.21);
	}

	@Test
	void propertiesWhenTooManyRunsThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DemoData(
					new DemoProperties(1, 1_000, 1_000, 1_000, 1_000, 120, Duration.ZERO, null, List.of()), NOW))
			.withMessageContaining("simboard.demo");
	}

	@Test
	void batchesWhenGeneratedThenExactlyOneRunningTheNewestOfTheFirstAgent() {
		List<Batch> running = allBatches(this.data).stream().filter(Batch::running).toList();
		Batch batch = this.data.batches(this.data.agents().get(0)).get(0);
		assertThat(running).containsExactly(batch);
		assertThat(this.data.landmarks().runningBatch()).isEqualTo(batch);
		assertThat(batch.successfulAttempts() + batch.failedAttempts()).isLessThan(batch.totalAttempts()).isPositive();
		List<Run> runs = this.data.runs(batch, 0, 100);
		assertThat(runs).filteredOn((run) -> !run.finished()).isNotEmpty().allSatisfy((run) -> {
			assertThat(run.completedDate()).isNull();
			assertThat(run.successful()).isNull();
			assertThat(run.remarks()).isNull();
			assertThat(this.data.chat(run).status()).isEqualTo("in-progress");
			assertThat(this.data.conversation(run)).isNotEmpty();
		});
		assertThat(runs).filteredOn(Run::finished).isNotEmpty();
	}

	@Test
	void batchesWhenListedThenNewestFirstOverTheRecentWeeks() {
		for (Agent agent : this.data.agents()) {
			List<Batch> batches = this.data.batches(agent);
			for (int i = 1; i < batches.size(); i++) {
				assertThat(batches.get(i).createdDate()).isBefore(batches.get(i - 1).createdDate());
			}
			assertThat(batches.get(batches.size() - 1).createdDate()).isAfter(NOW.minus(Duration.ofDays(42)))
				.isBefore(NOW.minus(Duration.ofDays(21)));
		}
	}

	@Test
	void runsWhenListedThenNewestFirstAndConsistentWithTheirBatch() {
		for (Batch batch : allBatches(this.data)) {
			List<Run> runs = this.data.runs(batch, 0, 100);
			for (int i = 1; i < runs.size(); i++) {
				assertThat(runs.get(i).createdDate()).isBefore(runs.get(i - 1).createdDate());
			}
			assertThat(runs).allSatisfy((run) -> {
				assertThat(run.batch()).isEqualTo(batch);
				assertThat(run.createdDate()).isAfter(batch.createdDate()).isBefore(NOW);
				if (run.finished()) {
					assertThat(run.completedDate()).isAfter(run.createdDate()).isBefore(NOW);
					assertThat(run.successful()).isNotNull();
					assertThat(run.remarks()).isNotBlank().doesNotContainPattern(PLACEHOLDER);
				}
			});
			assertThat(runs).filteredOn((run) -> Boolean.TRUE.equals(run.successful()))
				.hasSize(batch.successfulAttempts());
			assertThat(runs).filteredOn((run) -> Boolean.FALSE.equals(run.successful()))
				.hasSize(batch.failedAttempts());
		}
	}

	@Test
	void runsWhenPagedThenSlicesOfTheSameOrder() {
		Batch batch = this.data.landmarks().showcaseBatch();
		List<Run> all = this.data.runs(batch, 0, 100);
		assertThat(this.data.runs(batch, 5, 5)).isEqualTo(all.subList(5, 10));
		assertThat(this.data.runs(batch, 10, 5)).isEqualTo(all.subList(10, 12));
		assertThat(this.data.runs(batch, 12, 5)).isEmpty();
	}

	@Test
	void verdictsWhenCountedThenAboutOneInFourFails() {
		long failed = allBatches(this.data).stream().mapToLong(Batch::failedAttempts).sum();
		long judged = allBatches(this.data).stream()
			.mapToLong((batch) -> batch.failedAttempts() + batch.successfulAttempts())
			.sum();
		assertThat((double) failed / judged).isBetween(0.15, 0.35);
	}

	@Test
	void olderDialectWhenGeneratedThenInTheShowcaseBatchWithHyphenChat() {
		Landmarks landmarks = this.data.landmarks();
		Run older = landmarks.olderDialectRun();
		assertThat(older.olderDialect()).isTrue();
		assertThat(older.finished()).isTrue();
		assertThat(older.batch()).isEqualTo(landmarks.showcaseBatch());
		assertThat(landmarks.showcaseBatch()).isEqualTo(this.data.batches(landmarks.agent()).get(1));
		assertThat(older.chatId()).matches("chat-[A-Za-z0-9]{16}");
		Chat chat = this.data.chat(older.chatId()).orElseThrow();
		assertThat(chat.status()).isEqualTo("ended");
		assertThat(chat.messages()).anySatisfy((message) -> {
			assertThat(message.type()).isEqualTo("tool_call");
			assertThat(message.role()).isEqualTo("assistant");
			assertThat(message.content()).singleElement().asString().startsWith("get_invoice(invoice_number=\"INV-");
		});
		assertThat(chat.transcript()).contains("User: ", "\nAssistant: ").doesNotContain("get_invoice");
		List<Run> all = allRuns(this.data);
		assertThat(all).filteredOn(Run::olderDialect).hasSizeBetween(all.size() / 10, all.size() / 4);
		assertThat(all).filteredOn((run) -> run.olderDialect() && run.chatId().startsWith("chat_")).isNotEmpty();
		assertThat(all).filteredOn((run) -> !run.olderDialect())
			.allSatisfy((run) -> assertThat(run.chatId()).startsWith("chat_"));
	}

	@Test
	void landmarksWhenGeneratedThenAmongTheNewestRunsOfTheShowcaseBatch() {
		Landmarks landmarks = this.data.landmarks();
		List<Run> newest = this.data.runs(landmarks.showcaseBatch(), 0, 4);
		assertThat(newest).containsExactlyInAnyOrder(landmarks.olderDialectRun(), landmarks.markupRun(),
				landmarks.unicodeRun(), landmarks.longTranscriptRun());
		assertThat(landmarks.agent()).isEqualTo(this.data.agents().get(0));
	}

	@Test
	void markupWhenGeneratedThenVerbatimInAUserMessageOfTheFirstAgent() {
		Run run = this.data.landmarks().markupRun();
		assertThat(run.olderDialect()).isFalse();
		assertThat(run.agent()).isEqualTo(this.data.agents().get(0));
		assertThat(this.data.conversation(run)).filteredOn((message) -> message.role().equals("user"))
			.anySatisfy((message) -> assertThat(message.text()).contains("<script>alert(1)</script>")
				.contains("<b>bold?</b> & \"quotes\""));
	}

	@Test
	void unicodeWhenGeneratedThenAccentsEmojiCjkAndArabic() {
		Run run = this.data.landmarks().unicodeRun();
		assertThat(run.olderDialect()).isFalse();
		String text = String.join("\n", texts(this.data.conversation(run)));
		assertThat(text).contains("Zoë Ångström", "🙂", "付款成功", "مرحبا");
		assertThat(text.codePoints())
			.anyMatch((c) -> Character.getDirectionality(c) == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC);
		assertThat(text.codePoints()).anyMatch((c) -> Character.isSupplementaryCodePoint(c));
	}

	@Test
	void longTranscriptWhenGeneratedThenHasTheConfiguredLength() {
		Run run = this.data.landmarks().longTranscriptRun();
		assertThat(this.data.conversation(run)).hasSize(120);
		assertThat(run.successful()).isFalse();
		assertThat(run.remarks()).contains("120 messages");
		DemoData shorter = new DemoData(new DemoProperties(20260301, 4, 6, 6, 2, 41, Duration.ZERO, null, List.of()),
				NOW);
		assertThat(shorter.conversation(shorter.landmarks().longTranscriptRun())).hasSize(41);
	}

	@Test
	void conversationsWhenGeneratedThenAlternateWithinLimitsAndFilled() {
		Run longRun = this.data.landmarks().longTranscriptRun();
		for (Run run : allRuns(this.data)) {
			List<Message> conversation = this.data.conversation(run);
			if (run.finished() && !run.equals(longRun)) {
				assertThat(conversation).hasSizeBetween(4, 30);
			}
			for (int i = 0; i < conversation.size(); i++) {
				Message message = conversation.get(i);
				assertThat(message.type()).isEqualTo("message");
				assertThat(message.text()).isNotBlank().doesNotContainPattern(PLACEHOLDER);
				if (i > 0) {
					assertThat(message.role()).isNotEqualTo(conversation.get(i - 1).role());
				}
			}
			Chat chat = this.data.chat(run);
			assertThat(chat.messages()).filteredOn(Message::isMessage).isEqualTo(conversation);
			assertThat(chat.messages()).extracting(Message::id)
				.doesNotHaveDuplicates()
				.allSatisfy((id) -> assertThat(id).matches("chat-item-[A-Za-z0-9]{16}"));
		}
	}

	@Test
	void chatsWhenSomeHaveToolCallsThenOnlyAFew() {
		List<Run> all = allRuns(this.data);
		long withToolCalls = all.stream()
			.filter((run) -> this.data.chat(run).messages().stream().anyMatch((message) -> !message.isMessage()))
			.count();
		assertThat(withToolCalls).isPositive().isLessThan(all.size() / 2);
	}

	@Test
	void idsWhenGeneratedThenPrefixedOpaqueAndUnique() {
		assertThat(this.data.workspaceId()).matches("org_[A-Za-z0-9]{16}");
		assertThat(this.data.agents()).extracting(Agent::agentId).allMatch((id) -> id.matches("agent_[A-Za-z0-9]{16}"));
		List<String> ids = new ArrayList<>();
		for (Agent agent : this.data.agents()) {
			this.data.testCases(agent).forEach((testCase) -> ids.add(testCase.testCaseId()));
			this.data.batches(agent).forEach((batch) -> ids.add(batch.batchId()));
		}
		for (Run run : allRuns(this.data)) {
			ids.add(run.jobId());
			ids.add(run.chatId().substring(5));
		}
		assertThat(ids).doesNotHaveDuplicates()
			.allMatch((id) -> id.matches("(tc_|batch_|job_)?[A-Za-z0-9]{16}"))
			.anyMatch((id) -> id.startsWith("tc_"))
			.anyMatch((id) -> id.startsWith("batch_"))
			.anyMatch((id) -> id.startsWith("job_"));
	}

	@Test
	void lookupsWhenKnownThenFoundAndWhenUnknownThenEmpty() {
		Run run = this.data.landmarks().markupRun();
		assertThat(this.data.run(run.jobId())).contains(run);
		assertThat(this.data.batch(run.batch().batchId())).contains(run.batch());
		assertThat(this.data.testCase(run.testCase().testCaseId())).contains(run.testCase());
		assertThat(this.data.agent(run.agent().agentId())).contains(run.agent());
		assertThat(this.data.chat(run.chatId())).contains(this.data.chat(run));
		assertThat(this.data.run("job_AAAAAAAAAAAAAAAA")).isEmpty();
		assertThat(this.data.run(run.batch().batchId())).isEmpty();
		assertThat(this.data.run("job_" + run.batch().batchId().substring(6))).isEmpty();
		assertThat(this.data.run(run.jobId() + "x")).isEmpty();
		assertThat(this.data.run(null)).isEmpty();
		assertThat(this.data.agent("agent_" + run.jobId().substring(4))).isEmpty();
		assertThat(this.data.chat("chat-" + run.chatId().substring(5))).isEmpty();
		DemoData other = new DemoData(new DemoProperties(7, 4, 6, 6, 2, 120, Duration.ZERO, null, List.of()), NOW);
		assertThat(other.run(run.jobId())).isEmpty();
	}

	@Test
	void sizesWhenTinyThenStillOneRunningBatchAndLandmarks() {
		DemoData tiny = new DemoData(new DemoProperties(1, 1, 1, 1, 1, 4, Duration.ZERO, null, List.of()), NOW);
		Batch batch = tiny.batches(tiny.agents().get(0)).get(0);
		assertThat(batch.running()).isTrue();
		assertThat(tiny.landmarks().markupRun()).isEqualTo(tiny.landmarks().olderDialectRun());
		assertThat(tiny.runs(batch, 0, 10)).singleElement().satisfies((run) -> assertThat(run.finished()).isFalse());
	}

	@Test
	void sizedTranscriptsWhenNoneAskedThenNone() {
		assertThat(this.data.landmarks().sizedTranscriptRuns()).isEmpty();
	}

	@Test
	void sizedTranscriptsWhenAskedThenFinishedNewerDialectRunsWithExactlyThatManyMessages() {
		List<Integer> lengths = List.of(200, 1, 37, 2, 3, 4);
		DemoData sized = new DemoData(sized(lengths), NOW);
		List<Run> runs = sized.landmarks().sizedTranscriptRuns();
		assertThat(runs).hasSize(lengths.size());
		for (int i = 0; i < runs.size(); i++) {
			Run run = runs.get(i);
			int length = lengths.get(i);
			assertThat(run.finished()).as("run for %d", length).isTrue();
			assertThat(run.successful()).isNotNull();
			assertThat(run.remarks()).isNotBlank().doesNotContainPattern(PLACEHOLDER);
			assertThat(run.olderDialect()).isFalse();
			assertThat(run.chatId()).startsWith("chat_");
			List<Message> conversation = sized.conversation(run);
			assertThat(conversation).as("conversation for %d", length).hasSize(length);
			for (int j = 1; j < conversation.size(); j++) {
				assertThat(conversation.get(j).role()).isNotEqualTo(conversation.get(j - 1).role());
			}
			Chat chat = sized.chat(run);
			assertThat(chat.status()).isEqualTo("ended");
			assertThat(chat.messages()).hasSize(length).allSatisfy((message) -> {
				assertThat(message.type()).isEqualTo("message");
				assertThat(message.text()).isNotBlank().doesNotContainPattern(PLACEHOLDER);
			});
		}
	}

	@Test
	void sizedTranscriptsWhenAskedThenOnTheFirstPageRightAfterTheOtherShowcaseRunsInOrder() {
		DemoData sized = new DemoData(sized(List.of(50, 200, 2_000)), NOW);
		Landmarks landmarks = sized.landmarks();
		Batch showcase = landmarks.showcaseBatch();
		assertThat(showcase).isEqualTo(sized.batches(landmarks.agent()).get(1));
		assertThat(sized.runs(showcase, 0, 4)).containsExactlyInAnyOrder(landmarks.olderDialectRun(),
				landmarks.markupRun(), landmarks.unicodeRun(), landmarks.longTranscriptRun());
		assertThat(sized.runs(showcase, 4, 3)).isEqualTo(landmarks.sizedTranscriptRuns());
		assertThat(landmarks.sizedTranscriptRuns()).extracting((run) -> sized.conversation(run).size())
			.containsExactly(50, 200, 2_000);
		assertThat(landmarks.sizedTranscriptRuns()).allSatisfy((run) -> {
			assertThat(sized.run(run.jobId())).contains(run);
			assertThat(sized.chat(run.chatId())).contains(sized.chat(run));
		});
	}

	@Test
	void sizedTranscriptsWhenAskedThenEveryOtherRunAndLandmarkUnchanged() {
		DemoData sized = new DemoData(sized(List.of(9, 300)), NOW);
		Landmarks landmarks = this.data.landmarks();
		Landmarks sizedLandmarks = sized.landmarks();
		assertThat(sizedLandmarks.olderDialectRun()).isEqualTo(landmarks.olderDialectRun());
		assertThat(sizedLandmarks.markupRun()).isEqualTo(landmarks.markupRun());
		assertThat(sizedLandmarks.unicodeRun()).isEqualTo(landmarks.unicodeRun());
		assertThat(sizedLandmarks.longTranscriptRun()).isEqualTo(landmarks.longTranscriptRun());
		assertThat(allBatches(sized)).isEqualTo(allBatches(this.data));
		List<Run> runs = allRuns(this.data);
		List<Run> sizedRuns = allRuns(sized);
		assertThat(sizedRuns).hasSameSizeAs(runs);
		int changed = 0;
		for (int i = 0; i < runs.size(); i++) {
			Run run = sizedRuns.get(i);
			if (sizedLandmarks.sizedTranscriptRuns().contains(run)) {
				changed++;
				// The same slot and verdict, so the batch's counts are as before.
				assertThat(run.jobId()).isEqualTo(runs.get(i).jobId());
				assertThat(run.successful()).isEqualTo(runs.get(i).successful());
			}
			else {
				assertThat(run).isEqualTo(runs.get(i));
				assertThat(sized.chat(run)).isEqualTo(this.data.chat(runs.get(i)));
			}
		}
		assertThat(changed).isEqualTo(2);
	}

	@Test
	void sizedTranscriptsWhenMoreThanTheShowcaseBatchHoldsThenRejectedNamingTheSetting() {
		// 12 finished runs in the showcase batch, 4 of them the other showcase runs.
		assertThat(new DemoData(sized(List.of(1, 2, 3, 4, 5, 6, 7, 8)), NOW).landmarks().sizedTranscriptRuns())
			.hasSize(8);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DemoData(sized(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9)), NOW))
			.withMessageContaining("simboard.demo.sized-transcripts")
			.withMessageContaining("at most 8");
	}

	@Test
	void sizedTranscriptsWhenTheShowcaseBatchIsTheRunningOneThenAmongItsFinishedRuns() {
		// One batch per agent: 7 of its 12 runs are finished.
		DemoProperties oneBatch = new DemoProperties(20260301, 4, 1, 6, 2, 120, Duration.ZERO, null, List.of(5, 6, 7));
		DemoData data = new DemoData(oneBatch, NOW);
		assertThat(data.landmarks().showcaseBatch()).isEqualTo(data.landmarks().runningBatch());
		assertThat(data.landmarks().sizedTranscriptRuns()).hasSize(3).allSatisfy((run) -> {
			assertThat(run.finished()).isTrue();
			assertThat(data.chat(run).status()).isEqualTo("ended");
		});
		DemoProperties tooMany = new DemoProperties(20260301, 4, 1, 6, 2, 120, Duration.ZERO, null,
				List.of(5, 6, 7, 8));
		assertThatIllegalArgumentException().isThrownBy(() -> new DemoData(tooMany, NOW))
			.withMessageContaining("simboard.demo.sized-transcripts");
	}

	private static DemoProperties sized(List<Integer> lengths) {
		return new DemoProperties(20260301, 4, 6, 6, 2, 120, Duration.ZERO, null, lengths);
	}

	static List<Batch> allBatches(DemoData data) {
		return data.agents().stream().flatMap((agent) -> data.batches(agent).stream()).toList();
	}

	static List<Run> allRuns(DemoData data) {
		return allBatches(data).stream().flatMap((batch) -> data.runs(batch, 0, Integer.MAX_VALUE).stream()).toList();
	}

	private static List<String> texts(List<Message> messages) {
		return messages.stream().map(Message::text).toList();
	}

}
