package dev.simboard.archive;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.simboard.model.Verdict;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The archive's cases, run on each database it supports: {@link H2ArchiveTests} and
 * {@link PostgresArchiveTests} give the database, migrated by the same Flyway scripts
 * Simboard runs; every test starts with the tables empty. Times are fixed instants, never
 * the clock's.
 */
abstract class ArchiveTests {

	static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

	static final String AGENT = "agent_1";

	static final String OTHER_AGENT = "agent_2";

	protected Archive archive;

	protected JdbcClient jdbc;

	private ExecutorService threads;

	/** The database under test, migrated. */
	abstract DataSource dataSource();

	/** Its folder of migrations, as Flyway's {@code {vendor}} names it. */
	abstract String vendor();

	/** Flyway as Simboard configures it: the common scripts and the vendor's own. */
	static Flyway flyway(DataSource dataSource, String vendor) {
		return Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
			.load();
	}

	static void migrate(DataSource dataSource, String vendor) {
		flyway(dataSource, vendor).migrate();
	}

	@BeforeEach
	void emptyArchive() {
		this.jdbc = JdbcClient.create(dataSource());
		for (String table : List.of("archived_text", "archived_run", "archived_batch", "batch_pin")) {
			this.jdbc.sql("delete from " + table).update();
		}
		this.archive = new Archive(dataSource());
		this.threads = Executors.newFixedThreadPool(2);
	}

	@AfterEach
	void stopThreads() {
		if (this.threads != null) {
			this.threads.shutdownNow();
		}
	}

	// --- migrations

	@Test
	void migrateWhenAppliedThenEveryScriptSucceededAndEveryTableIsThere() {
		MigrationInfo[] applied = flyway(dataSource(), vendor()).info().applied();
		assertThat(applied).extracting((info) -> info.getVersion().getVersion())
			.containsExactly("1", "2", "3", "4", "5", "6", "7");
		assertThat(applied).allMatch((info) -> info.getState().isApplied() && !info.getState().isFailed());
		for (String table : List.of("archived_run", "archived_batch", "archived_text", "batch_pin", "run_review",
				"run_review_version", "rendered_body")) {
			assertThat(this.jdbc.sql("select count(*) from " + table).query(Long.class).single()).as(table).isZero();
		}
		// Sessions' tables too, which other tests' Simboards on this database may use.
		for (String table : List.of("spring_session", "spring_session_attributes")) {
			assertThat(this.jdbc.sql("select count(*) from " + table).query(Long.class).single()).as(table)
				.isNotNegative();
		}
	}

	// --- runs

	@Test
	void saveRunWhenNewThenFoundByJobIdAsSaved() {
		ArchivedRun run = new ArchivedRun("job_1", AGENT, "batch_1", "chat_1", "tc_1", "Refund request", Verdict.FAILED,
				T0, T0.plusSeconds(95).plusNanos(123_456_000), T0.plus(Duration.ofDays(1)),
				"{\"id\":\"job_1\",\"text\":\"it's \\u00e9t\\u00e9 \\\"quoted\\\"\"}", "{\"id\":\"chat_1\"}");

		assertThat(this.archive.saveRun(run, List.of(SearchText.message(1, "user", "Hello")))).isTrue();

		assertThat(this.archive.findRun("job_1")).contains(run);
		assertThat(this.archive.findRun("job_2")).isEmpty();
	}

	@Test
	void saveRunWhenOptionalColumnsMissingThenReadBackAsNulls() {
		ArchivedRun run = new ArchivedRun("job_1", AGENT, "batch_1", null, null, null, Verdict.PENDING, null, null, T0,
				"{}", null);

		this.archive.saveRun(run, List.of());

		assertThat(this.archive.findRun("job_1")).contains(run);
	}

	@Test
	void saveRunWhenSavedAgainThenTheFirstStaysAndNothingIsAdded() {
		ArchivedRun first = run("job_1", AGENT, "batch_1", T0);
		ArchivedRun second = new ArchivedRun("job_1", AGENT, "batch_1", null, null, null, Verdict.PASSED, T0, T0,
				T0.plusSeconds(60), "{\"second\":true}", null);

		assertThat(this.archive.saveRun(first, texts("refund please", "no refund"))).isTrue();
		assertThat(this.archive.saveRun(second, texts("something else"))).isFalse();

		assertThat(this.archive.findRun("job_1")).contains(first);
		assertThat(count("archived_run")).isOne();
		assertThat(count("archived_text")).isEqualTo(2);
	}

	@Test
	void saveRunWhenTwoWritersSaveTheSameRunAtOnceThenBothSucceedAndOneStoresIt() throws Exception {
		ArchivedRun run = run("job_1", AGENT, "batch_1", T0);
		CountDownLatch start = new CountDownLatch(1);
		Future<Boolean> one = this.threads.submit(() -> {
			start.await();
			return this.archive.saveRun(run, texts("hello", "refund"));
		});
		Future<Boolean> other = this.threads.submit(() -> {
			start.await();
			return this.archive.saveRun(run, texts("hello", "refund"));
		});

		start.countDown();

		assertThat(List.of(one.get(30, TimeUnit.SECONDS), other.get(30, TimeUnit.SECONDS)))
			.containsExactlyInAnyOrder(true, false);
		assertThat(count("archived_run")).isOne();
		assertThat(count("archived_text")).isEqualTo(2);
	}

	@Test
	void saveRunWhenAnotherWriterHoldsTheSameRunUncommittedThenItWaitsAndStoresNothing() throws Exception {
		ArchivedRun run = run("job_1", AGENT, "batch_1", T0);
		TransactionTemplate holder = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
		CountDownLatch secondStarted = new CountDownLatch(1);
		AtomicReference<Future<Boolean>> second = new AtomicReference<>();

		Boolean first = holder.execute((status) -> {
			boolean saved = this.archive.saveRun(run, texts("hello", "refund"));
			second.set(this.threads.submit(() -> {
				secondStarted.countDown();
				return this.archive.saveRun(run, texts("other", "texts", "here"));
			}));
			try {
				assertThat(secondStarted.await(30, TimeUnit.SECONDS)).isTrue();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return saved;
		});

		assertThat(first).isTrue();
		assertThat(second.get().get(30, TimeUnit.SECONDS)).isFalse();
		assertThat(count("archived_run")).isOne();
		assertThat(count("archived_text")).isEqualTo(2);
	}

	@Test
	void saveRunWhenTwoTextsHaveTheSameNumberThenRefusedAndNothingStored() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.archive.saveRun(run("job_1", AGENT, "batch_1", T0),
				List.of(SearchText.message(1, "user", "a"), SearchText.message(1, "assistant", "b"))));

		assertThat(count("archived_run")).isZero();
	}

	@Test
	void saveRunWhenTextsBlankThenOnlyTheOthersAreKept() {
		this.archive.saveRun(run("job_1", AGENT, "batch_1", T0), List.of(SearchText.message(1, "user", " "),
				SearchText.message(2, "assistant", "hi"), SearchText.remarks(null)));

		assertThat(count("archived_text")).isOne();
	}

	@Test
	void findRunByChatWhenArchivedThenItsRunAndUnknownChatsFindNothing() {
		ArchivedRun run = new ArchivedRun("job_1", AGENT, "batch_1", "chat-abc", "tc_1", "Label", Verdict.PASSED, T0,
				T0, T0, "{}", "{\"messages\":[]}");
		this.archive.saveRun(run, List.of());
		this.archive.saveRun(run("job_2", AGENT, "batch_1", T0), List.of());

		assertThat(this.archive.findRunByChat("chat-abc")).contains(run);
		assertThat(this.archive.findRunByChat("chat-other")).isEmpty();
	}

	@Test
	void runsOfBatchThenOnlyThatBatchsRunsOldestFirst() {
		this.archive.saveRun(run("job_b", AGENT, "batch_1", T0.plusSeconds(20)), List.of());
		this.archive.saveRun(run("job_a", AGENT, "batch_1", T0.plusSeconds(10)), List.of());
		this.archive.saveRun(run("job_c", AGENT, "batch_2", T0), List.of());

		assertThat(this.archive.runsOfBatch("batch_1")).extracting(ArchivedRun::jobId)
			.containsExactly("job_a", "job_b");
		assertThat(this.archive.archivedJobIds("batch_1")).containsExactlyInAnyOrder("job_a", "job_b");
		assertThat(this.archive.runsOfBatch("batch_3")).isEmpty();
	}

	@Test
	void jobIdsWithChatThenOnlyThatBatchsRunsWhoseChatIsArchived() {
		this.archive.saveRun(new ArchivedRun("job_a", AGENT, "batch_1", "chat_a", null, null, Verdict.PASSED, T0, T0,
				T0, "{}", null), List.of());
		this.archive.saveRun(new ArchivedRun("job_b", AGENT, "batch_1", "chat_b", null, null, Verdict.PASSED, T0, T0,
				T0, "{}", null), List.of());
		this.archive.saveRun(new ArchivedRun("job_c", AGENT, "batch_2", "chat_c", null, null, Verdict.PASSED, T0, T0,
				T0, "{}", null), List.of());
		this.archive.saveChat("chat_b", "{\"messages\":[]}", List.of());
		this.archive.saveChat("chat_c", "{\"messages\":[]}", List.of());

		assertThat(this.archive.jobIdsWithChat("batch_1")).containsExactly("job_b");
		assertThat(this.archive.jobIdsWithChat("batch_3")).isEmpty();
	}

	// --- batches

	@Test
	void saveBatchWhenSavedAgainThenTheFirstStaysButItsRunsMayBecomeArchived() {
		ArchivedBatch batch = new ArchivedBatch("batch_1", AGENT, T0, T0.plusSeconds(600), 12, false, T0,
				"{\"id\":\"batch_1\"}");

		assertThat(this.archive.saveBatch(batch)).isTrue();
		assertThat(this.archive.saveBatch(new ArchivedBatch("batch_1", AGENT, T0, T0, 3, false, T0, "{}"))).isFalse();
		assertThat(this.archive.findBatch("batch_1")).contains(batch);

		assertThat(this.archive.saveBatch(new ArchivedBatch("batch_1", AGENT, T0, T0, 3, true, T0, "{}"))).isFalse();
		assertThat(this.archive.findBatch("batch_1")).contains(
				new ArchivedBatch("batch_1", AGENT, T0, T0.plusSeconds(600), 12, true, T0, "{\"id\":\"batch_1\"}"));
		assertThat(this.archive.findBatch("batch_2")).isEmpty();
	}

	// --- pins

	@Test
	void pinWhenPinnedTwiceThenTheFirstNameStaysAndTheAgentListsItsOwn() {
		Pin release = Pin.of("batch_1", AGENT, "release 2.3", "ann", T0);

		assertThat(this.archive.pin(release)).isTrue();
		assertThat(this.archive.pin(Pin.of("batch_1", AGENT, "another name", "raj", T0.plusSeconds(5)))).isFalse();
		this.archive.pin(Pin.of("batch_2", AGENT, "release 2.4", "ann", T0.plusSeconds(60)));
		this.archive.pin(Pin.of("batch_9", OTHER_AGENT, "theirs", "raj", T0));

		assertThat(this.archive.findPin("batch_1")).contains(release);
		assertThat(this.archive.pins(AGENT)).extracting(Pin::name).containsExactly("release 2.4", "release 2.3");
	}

	@Test
	void updatePinProgressThenPinsArchivingListsOnlyThoseStillToDo() {
		this.archive.pin(Pin.of("batch_1", AGENT, "one", "ann", T0));
		this.archive.pin(Pin.of("batch_2", AGENT, "two", "ann", T0.plusSeconds(1)));

		assertThat(this.archive.updatePinProgress("batch_1", 40, 40, Pin.State.ARCHIVED)).isTrue();
		assertThat(this.archive.updatePinProgress("batch_2", 40, 12, Pin.State.ARCHIVING)).isTrue();
		assertThat(this.archive.updatePinProgress("batch_3", 1, 1, Pin.State.ARCHIVED)).isFalse();

		assertThat(this.archive.findPin("batch_1"))
			.contains(new Pin("batch_1", AGENT, "one", "ann", T0, 40, 40, Pin.State.ARCHIVED));
		assertThat(this.archive.pinsArchiving()).extracting(Pin::batchId, Pin::runsKnown, Pin::runsArchived)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("batch_2", 40, 12));
	}

	@Test
	void unpinWhenPinnedThenGoneAndUnpinningAgainSaysItWasNot() {
		this.archive.pin(Pin.of("batch_1", AGENT, "one", "ann", T0));

		assertThat(this.archive.unpin("batch_1")).isTrue();
		assertThat(this.archive.unpin("batch_1")).isFalse();
		assertThat(this.archive.findPin("batch_1")).isEmpty();
	}

	// --- rendered bodies

	@Test
	void saveBodyWhenTheRunIsArchivedThenFoundOnlyForWhatItWasRenderedFrom() {
		this.archive.saveRun(run("job_1", AGENT, "batch_1", T0, T0), List.of());

		assertThat(this.archive.saveBody("job_1", new RenderedBody("build1", "<p>It's été</p>", "ab12"))).isTrue();

		assertThat(this.archive.findBody("job_1", "build1"))
			.contains(new RenderedBody("build1", "<p>It's été</p>", "ab12"));
		assertThat(this.archive.findBody("job_1", "build2")).isEmpty();
		assertThat(this.archive.findBody("job_2", "build1")).isEmpty();
	}

	@Test
	void saveBodyWhenTheRunIsNotArchivedThenNothingIsKept() {
		assertThat(this.archive.saveBody("job_1", new RenderedBody("build1", "<p>Hi</p>", "ab12"))).isFalse();

		assertThat(count("rendered_body")).isZero();
	}

	@Test
	void saveBodyWhenOneRenderedFromSomethingElseIsKeptThenItIsReplaced() {
		this.archive.saveRun(run("job_1", AGENT, "batch_1", T0, T0), List.of());
		this.archive.saveBody("job_1", new RenderedBody("build1", "<p>Old</p>", "ab12"));

		assertThat(this.archive.saveBody("job_1", new RenderedBody("build2", "<p>New</p>", "cd34"))).isTrue();

		assertThat(this.archive.findBody("job_1", "build1")).isEmpty();
		assertThat(this.archive.findBody("job_1", "build2")).get()
			.extracting(RenderedBody::html)
			.isEqualTo("<p>New</p>");
		assertThat(count("rendered_body")).isOne();
	}

	@Test
	void dropUnpinnedOlderThanWhenARunGoesThenItsBodyGoesWithIt() {
		this.archive.saveRun(run("job_old", AGENT, "batch_old", T0, T0), List.of());
		this.archive.saveBody("job_old", new RenderedBody("build1", "<p>Old</p>", "ab12"));

		this.archive.dropUnpinnedOlderThan(T0.plus(Duration.ofDays(30)));

		assertThat(count("rendered_body")).isZero();
	}

	// --- retention

	@Test
	void dropUnpinnedOlderThanThenOnlyUnpinnedEntriesArchivedBeforeTheCutoffGo() {
		Instant cutoff = T0.plus(Duration.ofDays(30));
		this.archive.saveRun(run("job_old", AGENT, "batch_old", T0, T0), texts("old refund"));
		this.archive.saveRun(run("job_new", AGENT, "batch_old", T0, cutoff), texts("new refund"));
		this.archive.saveRun(run("job_pinned", AGENT, "batch_pinned", T0, T0), texts("pinned refund"));
		this.archive.saveBatch(new ArchivedBatch("batch_old", AGENT, T0, T0, 2, true, T0, "{}"));
		this.archive.saveBatch(new ArchivedBatch("batch_pinned", AGENT, T0, T0, 1, true, T0, "{}"));
		this.archive.saveBatch(new ArchivedBatch("batch_new", AGENT, T0, T0, 0, true, cutoff, "{}"));
		this.archive.pin(Pin.of("batch_pinned", AGENT, "baseline", "ann", T0));

		assertThat(this.archive.dropUnpinnedOlderThan(cutoff)).isEqualTo(new Dropped(1, 1));

		assertThat(this.archive.findRun("job_old")).isEmpty();
		assertThat(this.archive.findRun("job_new")).isPresent();
		assertThat(this.archive.findRun("job_pinned")).isPresent();
		assertThat(this.archive.findBatch("batch_old")).isEmpty();
		assertThat(this.archive.findBatch("batch_pinned")).get()
			.extracting(ArchivedBatch::runsArchived)
			.isEqualTo(true);
		assertThat(this.archive.findBatch("batch_new")).isPresent();
		assertThat(count("archived_text")).isEqualTo(2);
		assertThat(search(AGENT, "refund")).extracting(SearchHit::jobId)
			.containsExactlyInAnyOrder("job_new", "job_pinned");
	}

	@Test
	void dropUnpinnedOlderThanWhenABatchKeepsSomeRunsThenItsRunsAreNoLongerAllArchived() {
		Instant cutoff = T0.plus(Duration.ofDays(30));
		this.archive.saveBatch(new ArchivedBatch("batch_1", AGENT, T0, T0, 2, true, cutoff, "{}"));
		this.archive.saveRun(run("job_old", AGENT, "batch_1", T0, T0), List.of());
		this.archive.saveRun(run("job_new", AGENT, "batch_1", T0, cutoff), List.of());

		assertThat(this.archive.dropUnpinnedOlderThan(cutoff)).isEqualTo(new Dropped(1, 0));

		assertThat(this.archive.findBatch("batch_1")).get().extracting(ArchivedBatch::runsArchived).isEqualTo(false);
	}

	// --- figures

	@Test
	void statsThenTheCountsOfEveryTableAndTheOldestEntry() {
		this.archive.saveRun(run("job_1", AGENT, "batch_1", T0, T0.plusSeconds(50)), texts("a", "b", "c"));
		this.archive.saveRun(run("job_2", AGENT, "batch_1", T0, T0.plusSeconds(70)), texts("d"));
		this.archive.saveBatch(new ArchivedBatch("batch_1", AGENT, T0, T0, 2, true, T0.plusSeconds(40), "{}"));
		this.archive.pin(Pin.of("batch_1", AGENT, "one", "ann", T0));

		ArchiveStats stats = this.archive.stats();

		assertThat(stats)
			.extracting(ArchiveStats::runs, ArchiveStats::batches, ArchiveStats::texts, ArchiveStats::pins,
					ArchiveStats::oldest)
			.containsExactly(2L, 1L, 4L, 1L, T0.plusSeconds(40));
		assertThat(stats.database()).doesNotContain("password");
	}

	@Test
	void statsWhenEmptyThenNoOldestEntry() {
		assertThat(this.archive.stats()).extracting(ArchiveStats::runs, ArchiveStats::oldest).containsExactly(0L, null);
	}

	// --- search

	@Test
	void searchWhenWordsThenTextsWithEveryWordMatchWhereverTheyAre() {
		save("job_1", "The refund for your order is on its way");
		save("job_2", "Your order has shipped");
		save("job_3", "A refund needs the receipt");

		assertThat(search(AGENT, "order refund")).extracting(SearchHit::jobId).containsExactly("job_1");
		assertThat(search(AGENT, "REFUND")).extracting(SearchHit::jobId).containsExactlyInAnyOrder("job_1", "job_3");
	}

	@Test
	void searchWhenPhraseQuotedThenMatchesOnlyAdjacentWords() {
		save("job_1", "You can read our refund policy online");
		save("job_2", "The policy on a refund is strict");

		assertThat(search(AGENT, "\"refund policy\"")).extracting(SearchHit::jobId).containsExactly("job_1");
		assertThat(search(AGENT, "refund policy")).extracting(SearchHit::jobId)
			.containsExactlyInAnyOrder("job_1", "job_2");
	}

	@Test
	void searchWhenWordExcludedThenTextsWithItAreLeftOut() {
		save("job_1", "We can offer a refund today");
		save("job_2", "We can offer a refund or a voucher");

		assertThat(search(AGENT, "refund -voucher")).extracting(SearchHit::jobId).containsExactly("job_1");
		assertThat(search(AGENT, "refund -\"or a voucher\"")).extracting(SearchHit::jobId).containsExactly("job_1");
	}

	@Test
	void searchWhenQueryHasLikeWildcardsThenTheyMatchOnlyThemselves() {
		save("job_1", "Take 50% off with code under_score");
		save("job_2", "Take 500 off with code underXscore");
		save("job_3", "A path C:\\temp\\file");

		assertThat(search(AGENT, "\"50% off\"")).extracting(SearchHit::jobId).containsExactly("job_1");
		assertThat(search(AGENT, "under_score")).extracting(SearchHit::jobId).containsExactly("job_1");
		assertThat(search(AGENT, "\"_\"")).extracting(SearchHit::jobId).containsExactly("job_1");
		assertThat(search(AGENT, "\"%\"")).extracting(SearchHit::jobId).containsExactly("job_1");
		assertThat(search(AGENT, "\"c:\\temp\"")).extracting(SearchHit::jobId).containsExactly("job_3");
	}

	@Test
	void searchWhenQueryHasQuotesAndSqlThenItIsOnlyText() {
		save("job_1", "Mr O'Brien asked for a refund");
		save("job_2", "x'); drop table archived_run; -- said nobody");

		assertThat(search(AGENT, "O'Brien")).extracting(SearchHit::jobId).containsExactly("job_1");
		assertThat(search(AGENT, "\"x'); drop table archived_run; --\"")).extracting(SearchHit::jobId)
			.containsExactly("job_2");
		assertThat(search(AGENT, "'; delete from archived_run where ''='")).isEmpty();
		assertThat(search(AGENT, "\\' or 1=1 --")).isEmpty();
		assertThat(count("archived_run")).isEqualTo(2);
	}

	@Test
	void searchWhenSeveralTextsOfARunMatchThenOneHitListsThemInConversationOrder() {
		this.archive.saveRun(run("job_1", AGENT, "batch_1", T0),
				List.of(SearchText.message(1, "assistant", "How can I help?"),
						SearchText.message(2, "user", "I want a refund for order 12"),
						SearchText.message(3, "assistant", "Refund issued."),
						SearchText.remarks("The refund was given"), SearchText.label("Refund request"),
						SearchText.criteria("Agent refuses nothing")));

		List<SearchHit> hits = search(AGENT, "refund");

		assertThat(hits).singleElement().satisfies((hit) -> {
			assertThat(hit.matchCount()).isEqualTo(4);
			assertThat(hit.matches())
				.extracting(SearchHit.Match::kind, SearchHit.Match::number, SearchHit.Match::speaker)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(SearchText.Kind.MESSAGE, 2, "user"),
						org.assertj.core.groups.Tuple.tuple(SearchText.Kind.MESSAGE, 3, "assistant"),
						org.assertj.core.groups.Tuple.tuple(SearchText.Kind.REMARKS, 0, null),
						org.assertj.core.groups.Tuple.tuple(SearchText.Kind.LABEL, 0, null));
			assertThat(hit.matches().get(0).snippet().parts()).containsExactly(new Snippet.Part("I want a ", false),
					new Snippet.Part("refund", true), new Snippet.Part(" for order 12", false));
		});
	}

	@Test
	void searchWhenManyTextsOfARunMatchThenTheFirstAreListedAndAllCounted() {
		List<SearchText> texts = new java.util.ArrayList<>();
		for (int i = 1; i <= Archive.MATCHES_PER_RUN + 3; i++) {
			texts.add(SearchText.message(i, "user", "refund " + i));
		}
		this.archive.saveRun(run("job_1", AGENT, "batch_1", T0), texts);

		assertThat(search(AGENT, "refund")).singleElement().satisfies((hit) -> {
			assertThat(hit.matchCount()).isEqualTo(Archive.MATCHES_PER_RUN + 3);
			assertThat(hit.matches()).extracting(SearchHit.Match::number).containsExactly(1, 2, 3, 4, 5);
		});
	}

	@Test
	void searchWhenAnotherAgentHasTheTextThenOnlyTheAgentsOwnRunsAreFound() {
		save("job_1", "refund please");
		this.archive.saveRun(run("job_2", OTHER_AGENT, "batch_9", T0), texts("refund please"));

		assertThat(search(AGENT, "refund")).extracting(SearchHit::jobId).containsExactly("job_1");
		assertThat(search(OTHER_AGENT, "refund")).extracting(SearchHit::jobId).containsExactly("job_2");
		assertThat(search("agent_3", "refund")).isEmpty();
	}

	@Test
	void searchWhenFilteredThenOnlyRunsWithThatOutcomeTestCaseAndBatchTime() {
		this.archive.saveRun(
				new ArchivedRun("job_1", AGENT, "batch_1", null, "tc_1", "A", Verdict.PASSED, T0, T0, T0, "{}", null),
				texts("refund"));
		this.archive.saveRun(
				new ArchivedRun("job_2", AGENT, "batch_1", null, "tc_2", "B", Verdict.FAILED, T0, T0, T0, "{}", null),
				texts("refund"));
		this.archive.saveRun(new ArchivedRun("job_3", AGENT, "batch_2", null, "tc_1", "A", Verdict.FAILED,
				T0.plusSeconds(3600), T0, T0, "{}", null), texts("refund"));
		SearchQuery refund = SearchQuery.parse("refund");

		assertThat(this.archive.search(AGENT, refund, new SearchFilters(Verdict.FAILED, null, null, null), 10))
			.extracting(SearchHit::jobId)
			.containsExactlyInAnyOrder("job_2", "job_3");
		assertThat(this.archive.search(AGENT, refund, new SearchFilters(null, "tc_1", null, null), 10))
			.extracting(SearchHit::jobId)
			.containsExactlyInAnyOrder("job_1", "job_3");
		assertThat(this.archive.search(AGENT, refund, new SearchFilters(Verdict.FAILED, "tc_1", null, null), 10))
			.extracting(SearchHit::jobId)
			.containsExactly("job_3");
		assertThat(this.archive.search(AGENT, refund, new SearchFilters(null, null, T0.plusSeconds(1), null), 10))
			.extracting(SearchHit::jobId)
			.containsExactly("job_3");
		assertThat(this.archive.search(AGENT, refund, new SearchFilters(null, null, T0, T0.plusSeconds(3600)), 10))
			.extracting(SearchHit::jobId)
			.containsExactlyInAnyOrder("job_1", "job_2");
	}

	@Test
	void searchThenNewestBatchFirstAndNewestRunFirstTakingTheBatchsOwnStartWhenArchived() {
		// batch_1 started last, though its run started first; batch_2 is not archived, so
		// its run's start stands for it.
		this.archive.saveBatch(new ArchivedBatch("batch_1", AGENT, T0.plusSeconds(7200), null, 2, false, T0, "{}"));
		this.archive.saveRun(run("job_1b", AGENT, "batch_1", T0.plusSeconds(20)), texts("refund"));
		this.archive.saveRun(run("job_1a", AGENT, "batch_1", T0.plusSeconds(10)), texts("refund"));
		this.archive.saveRun(run("job_2", AGENT, "batch_2", T0.plusSeconds(3600)), texts("refund"));
		this.archive.saveRun(run("job_3", AGENT, "batch_3", T0.plusSeconds(1800)), texts("refund"));

		List<SearchHit> hits = search(AGENT, "refund");

		assertThat(hits).extracting(SearchHit::jobId).containsExactly("job_1b", "job_1a", "job_2", "job_3");
		assertThat(hits.get(0).batchCreated()).isEqualTo(T0.plusSeconds(7200));
		assertThat(hits.get(2).batchCreated()).isNull();
	}

	@Test
	void searchWhenARunIsArchivedBeforeItsBatchThenItIsListedByTheBatchsStartOnceTheBatchIs() {
		this.archive.saveRun(run("job_1", AGENT, "batch_1", T0), texts("refund"));
		this.archive.saveRun(run("job_2", AGENT, "batch_2", T0.plusSeconds(3600)), texts("refund"));
		assertThat(search(AGENT, "refund")).extracting(SearchHit::jobId).containsExactly("job_2", "job_1");

		this.archive.saveBatch(new ArchivedBatch("batch_1", AGENT, T0.plusSeconds(7200), null, 1, true, T0, "{}"));

		assertThat(search(AGENT, "refund")).extracting(SearchHit::jobId).containsExactly("job_1", "job_2");
		assertThat(this.archive.search(AGENT, SearchQuery.parse("refund"),
				new SearchFilters(null, null, T0.plusSeconds(7200), null), 10))
			.extracting(SearchHit::jobId)
			.containsExactly("job_1");
	}

	@Test
	void saveBatchWhenItsRunsWereAllArchivedFirstThenItsRunListIsArchivedToo() {
		this.archive.saveRun(run("job_1", AGENT, "batch_1", T0), texts("hello"));
		this.archive.saveRun(run("job_2", AGENT, "batch_1", T0), texts("hello"));
		// Marking the run list before the batch is there finds nothing to mark.
		assertThat(this.archive.markRunsArchived("batch_1", 2)).isFalse();
		this.archive.saveRun(run("job_3", AGENT, "batch_2", T0), texts("hello"));

		this.archive.saveBatch(new ArchivedBatch("batch_1", AGENT, T0, null, 2, false, T0, "{}"));
		this.archive.saveBatch(new ArchivedBatch("batch_2", AGENT, T0, null, 2, false, T0, "{}"));

		assertThat(this.archive.findBatch("batch_1"))
			.hasValueSatisfying((batch) -> assertThat(batch.runsArchived()).isTrue());
		assertThat(this.archive.findBatch("batch_2"))
			.hasValueSatisfying((batch) -> assertThat(batch.runsArchived()).isFalse());
	}

	@Test
	void searchWhenLimitedThenAtMostThatManyRuns() {
		for (int i = 0; i < 5; i++) {
			this.archive.saveRun(run("job_" + i, AGENT, "batch_1", T0.plusSeconds(i)), texts("refund"));
		}

		assertThat(this.archive.search(AGENT, SearchQuery.parse("refund"), SearchFilters.NONE, 3))
			.extracting(SearchHit::jobId)
			.containsExactly("job_4", "job_3", "job_2");
	}

	@Test
	void searchWhenATermIsCommonThenWalkingTheRunsFindsWhatReadingTheTextsFinds() {
		for (int i = 0; i < 12; i++) {
			Verdict outcome = (i % 3 == 0) ? Verdict.FAILED : Verdict.PASSED;
			this.archive.saveRun(
					new ArchivedRun("job_" + i, (i % 4 == 0) ? OTHER_AGENT : AGENT, "batch_" + (i / 5), null,
							"tc_" + (i % 2), "Case", outcome, T0.plusSeconds(i), T0, T0, "{}", null),
					texts("I want a refund", (i % 2 == 0) ? "refund issued" : "no refund, sorry", "goodbye " + i));
		}
		// The texts read first and every run sorted; the whole walk; a first walk of the
		// newest runs, then the texts read or the whole walk.
		Archive reading = new Archive(dataSource(), 0, Archive.RARE);
		List<Archive> others = List.of(new Archive(dataSource(), 0, 1), new Archive(dataSource(), 4, Archive.RARE),
				new Archive(dataSource(), 4, 1), this.archive);
		List<SearchFilters> filters = List.of(SearchFilters.NONE, new SearchFilters(Verdict.FAILED, null, null, null),
				new SearchFilters(null, "tc_1", T0.plusSeconds(2), T0.plusSeconds(9)));

		for (String query : List.of("refund", "refund -sorry", "\"no refund\"", "goodbye 7", "parcel")) {
			for (SearchFilters filter : filters) {
				for (int limit : List.of(2, 3, 50)) {
					List<SearchHit> expected = reading.search(AGENT, SearchQuery.parse(query), filter, limit);
					for (Archive other : others) {
						assertThat(other.search(AGENT, SearchQuery.parse(query), filter, limit))
							.as(query + " " + filter + " " + limit)
							.isEqualTo(expected);
					}
				}
			}
		}
		assertThat(reading.search(AGENT, SearchQuery.parse("refund"), SearchFilters.NONE, 50)).hasSize(9);
	}

	@Test
	void searchWhenNothingToFindThenNoHits() {
		save("job_1", "refund");

		assertThat(search(AGENT, "")).isEmpty();
		assertThat(search(AGENT, "  \" \"  - ")).isEmpty();
		assertThat(search(AGENT, "-voucher")).isEmpty();
		assertThat(search(AGENT, "parcel")).isEmpty();
	}

	// --- helpers

	@Test
	void saveChatWhenRunArchivedWithoutItThenAddedOnceAndItsMessagesSearched() {
		ArchivedRun older = new ArchivedRun("job_old", AGENT, "batch_1", "chat_old1", "tc_1", "Parcel", Verdict.FAILED,
				T0, T0.plusSeconds(60), T0, "{\"jobId\":\"job_old\"}", null);
		this.archive.saveRun(older, List.of());

		assertThat(this.archive.saveChat("chat_old1", "{\"chatId\":\"chat_old1\"}", texts("Where is my parcel?")))
			.isEqualTo(1);
		assertThat(this.archive.saveChat("chat_old1", "{\"chatId\":\"other\"}", texts("Again"))).isZero();

		assertThat(this.archive.findRunByChat("chat_old1"))
			.hasValueSatisfying((run) -> assertThat(run.chatJson()).isEqualTo("{\"chatId\":\"chat_old1\"}"));
		assertThat(search(AGENT, "parcel")).extracting(SearchHit::jobId).containsExactly("job_old");
		assertThat(search(AGENT, "again")).isEmpty();
	}

	@Test
	void saveRunsWhenSomeArchivedBeforeThenStoresTheRestAndMarksTheBatch() {
		this.archive.saveRun(run("job_1", AGENT, "batch_1", T0), texts("one"));
		this.archive.saveBatch(new ArchivedBatch("batch_1", AGENT, T0, null, 2, false, T0, "{}"));

		int stored = this.archive.saveRuns(List.of(Map.entry(run("job_1", AGENT, "batch_1", T0), texts("one")),
				Map.entry(run("job_2", AGENT, "batch_1", T0), texts("two"))));
		assertThat(stored).isEqualTo(1);
		assertThat(this.archive.markRunsArchived("batch_1", 2)).isTrue();
		assertThat(this.archive.markRunsArchived("batch_1", 2)).isFalse();
		assertThat(this.archive.markRunsArchived("batch_unknown", 2)).isFalse();

		assertThat(this.archive.findBatch("batch_1")).hasValueSatisfying((batch) -> {
			assertThat(batch.runsArchived()).isTrue();
			assertThat(batch.runCount()).isEqualTo(2);
		});
		assertThat(this.archive.runsOfBatch("batch_1")).extracting(ArchivedRun::jobId)
			.containsExactlyInAnyOrder("job_1", "job_2");
	}

	List<SearchHit> search(String agentId, String query) {
		return this.archive.search(agentId, SearchQuery.parse(query), SearchFilters.NONE, 50);
	}

	/** Archives run {@code jobId} of the agent's batch_1 with one message. */
	void save(String jobId, String message) {
		this.archive.saveRun(run(jobId, AGENT, "batch_1", T0), texts(message));
	}

	static ArchivedRun run(String jobId, String agentId, String batchId, Instant created) {
		return run(jobId, agentId, batchId, created, T0);
	}

	static ArchivedRun run(String jobId, String agentId, String batchId, Instant created, Instant archivedAt) {
		return new ArchivedRun(jobId, agentId, batchId, null, "tc_1", "Refund request", Verdict.PASSED, created,
				created.plusSeconds(60), archivedAt, "{\"id\":\"" + jobId + "\"}", null);
	}

	/** The messages of a conversation, numbered from 1, the user speaking first. */
	static List<SearchText> texts(String... messages) {
		List<SearchText> texts = new java.util.ArrayList<>();
		for (int i = 0; i < messages.length; i++) {
			texts.add(SearchText.message(i + 1, (i % 2 == 0) ? "user" : "assistant", messages[i]));
		}
		return texts;
	}

	long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
