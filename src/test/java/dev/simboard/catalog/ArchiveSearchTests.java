package dev.simboard.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.simboard.archive.Archive;
import dev.simboard.archive.ArchivedBatch;
import dev.simboard.archive.ArchivedRun;
import dev.simboard.archive.SearchText;
import dev.simboard.catalog.SearchResults.Hit;
import dev.simboard.catalog.SearchResults.Kind;
import dev.simboard.catalog.SearchResults.Match;
import dev.simboard.catalog.SearchResults.Part;
import dev.simboard.catalog.SearchResults.Status;
import dev.simboard.model.Id;
import dev.simboard.model.Verdict;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog's search against a real archive on the embedded H2, migrated by Simboard's
 * own scripts, as in demo mode; no Spring. The archive's own tests cover the syntax on
 * both databases; these cover what the catalog adds: its records, the cap, and a database
 * that stops answering.
 */
@ExtendWith(OutputCaptureExtension.class)
class ArchiveSearchTests {

	private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

	private static final Id AGENT = Id.of("agent_1");

	private HikariDataSource dataSource;

	private Archive archive;

	private ArchiveSearch search;

	@BeforeEach
	void startArchive() {
		this.dataSource = new HikariDataSource();
		// As DatabaseConfiguration makes the demo's database: H2 in memory, speaking
		// PostgreSQL.
		this.dataSource.setJdbcUrl("jdbc:h2:mem:search-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
				+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
		this.dataSource.setUsername("sa");
		this.dataSource.setMaximumPoolSize(2);
		// A database that is down is said at once, not after Hikari's 30 s.
		this.dataSource.setConnectionTimeout(250);
		Flyway.configure()
			.dataSource(this.dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.load()
			.migrate();
		this.archive = new Archive(this.dataSource);
		this.search = new ArchiveSearch(this.archive, Clock.fixed(T0, ZoneOffset.UTC));
	}

	@AfterEach
	void stopArchive() {
		this.dataSource.close();
	}

	private void save(String jobId, String batchId, String testCaseId, Verdict verdict, Instant created,
			SearchText... texts) {
		this.archive.saveRun(new ArchivedRun(jobId, AGENT.value(), batchId, null, testCaseId, "Label of " + testCaseId,
				verdict, created, created.plusSeconds(60), T0, "{}", null), List.of(texts));
	}

	@Test
	void searchWhenTextsMatchThenRunsNewestBatchFirstWithMarkedSnippetsAsTheCatalogsRecords() {
		this.archive.saveBatch(new ArchivedBatch("batch_new", AGENT.value(), T0.plusSeconds(7200), T0.plusSeconds(9000),
				1, false, T0, "{}"));
		save("job_old", "batch_old", "tc_1", Verdict.PASSED, T0, SearchText.message(1, "user", "A refund, please."));
		save("job_new", "batch_new", "tc_2", Verdict.FAILED, T0.plusSeconds(7300),
				SearchText.message(1, "user", "Hello"), SearchText.message(2, "assistant", "No refund for <you>."),
				SearchText.remarks("The agent refused the refund."), SearchText.criteria("Offers a refund."));

		SearchResults results = this.search.search(AGENT, "  refund  ", ArchiveSearch.Filters.NONE);

		assertThat(results.status()).isEqualTo(Status.SEARCHED);
		assertThat(results.query()).isEqualTo("refund");
		assertThat(results.capped()).isFalse();
		assertThat(results.hits()).extracting(Hit::jobId).containsExactly("job_new", "job_old");
		Hit newest = results.hits().get(0);
		assertThat(newest)
			.extracting(Hit::batchId, Hit::testCaseId, Hit::testCaseLabel, Hit::verdict, Hit::batchCreated,
					Hit::matchCount)
			.containsExactly("batch_new", "tc_2", "Label of tc_2", Verdict.FAILED, T0.plusSeconds(7200), 3);
		assertThat(newest.matches()).extracting(Match::kind, Match::number, Match::speaker)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.MESSAGE, 2, "assistant"),
					org.assertj.core.groups.Tuple.tuple(Kind.REMARKS, 0, null),
					org.assertj.core.groups.Tuple.tuple(Kind.CRITERIA, 0, null));
		assertThat(newest.matches().get(0).snippet()).containsExactly(new Part("No ", false), new Part("refund", true),
				new Part(" for <you>.", false));
		assertThat(results.hits().get(1).batchCreated()).isNull();
	}

	@Test
	void searchWhenFilteredThenOnlyThatOutcomeTestCaseAndBatchDays() {
		save("job_1", "batch_1", "tc_1", Verdict.FAILED, T0, SearchText.message(1, "user", "refund"));
		save("job_2", "batch_1", "tc_2", Verdict.PASSED, T0, SearchText.message(1, "user", "refund"));
		save("job_3", "batch_2", "tc_1", Verdict.FAILED, T0.plusSeconds(86_400),
				SearchText.message(1, "user", "refund"));

		assertThat(jobs(new ArchiveSearch.Filters(Verdict.FAILED, null, null, null))).containsExactly("job_3", "job_1");
		assertThat(jobs(new ArchiveSearch.Filters(null, Id.of("tc_2"), null, null))).containsExactly("job_2");
		assertThat(jobs(new ArchiveSearch.Filters(null, null, T0.plusSeconds(3600), null))).containsExactly("job_3");
		assertThat(jobs(new ArchiveSearch.Filters(Verdict.FAILED, Id.of("tc_1"), null, T0.plusSeconds(3600))))
			.containsExactly("job_1");
	}

	private List<String> jobs(ArchiveSearch.Filters filters) {
		return this.search.search(AGENT, "refund", filters).hits().stream().map(Hit::jobId).toList();
	}

	@Test
	void searchWhenMoreRunsMatchThanTheMostThenTheNewestAreListedAndCapped() {
		for (int i = 0; i <= ArchiveSearch.MAX_RUNS; i++) {
			save("job_" + i, "batch_1", "tc_1", Verdict.PASSED, T0.plusSeconds(i),
					SearchText.message(1, "user", "refund " + i));
		}

		SearchResults all = this.search.search(AGENT, "refund", ArchiveSearch.Filters.NONE);
		SearchResults one = this.search.search(AGENT, "refund 0", ArchiveSearch.Filters.NONE);

		assertThat(all.hits()).hasSize(ArchiveSearch.MAX_RUNS);
		assertThat(all.capped()).isTrue();
		assertThat(all.hits().get(0).jobId()).isEqualTo("job_" + ArchiveSearch.MAX_RUNS);
		assertThat(one.hits()).extracting(Hit::jobId).contains("job_0");
		assertThat(one.capped()).isFalse();
	}

	@Test
	void searchWhenExactlyTheMostRunsMatchThenNotCapped() {
		for (int i = 0; i < ArchiveSearch.MAX_RUNS; i++) {
			save("job_" + i, "batch_1", "tc_1", Verdict.PASSED, T0.plusSeconds(i),
					SearchText.message(1, "user", "refund"));
		}

		SearchResults results = this.search.search(AGENT, "refund", ArchiveSearch.Filters.NONE);

		assertThat(results.hits()).hasSize(ArchiveSearch.MAX_RUNS);
		assertThat(results.capped()).isFalse();
	}

	@Test
	void searchWhenNothingToFindThenNothingAsked() {
		save("job_1", "batch_1", "tc_1", Verdict.PASSED, T0, SearchText.message(1, "user", "refund"));

		for (String query : new String[] { null, "", "  ", "-refund", "-\"a phrase\"", "... !!" }) {
			SearchResults results = this.search.search(AGENT, query, ArchiveSearch.Filters.NONE);
			assertThat(results.status()).as(query).isEqualTo(Status.NOTHING_ASKED);
			assertThat(results.hits()).isEmpty();
		}
	}

	@Test
	void searchWhenHostileTextThenFoundAsTextAndKeptUnescapedForThePageToEscape() {
		save("job_1", "batch_1", "tc_1", Verdict.FAILED, T0,
				SearchText.message(1, "user", "<script>alert(1)</script>"));

		SearchResults results = this.search.search(AGENT, "\"<script>\"", ArchiveSearch.Filters.NONE);

		assertThat(results.hits()).singleElement()
			.satisfies((hit) -> assertThat(hit.matches().get(0).snippet()).containsExactly(new Part("<script>", true),
					new Part("alert(1)</script>", false)));
	}

	@Test
	void searchWhenDatabaseDownThenUnavailableWithOneWarnLineAndNoStackTrace(CapturedOutput output) {
		save("job_1", "batch_1", "tc_1", Verdict.PASSED, T0, SearchText.message(1, "user", "refund"));
		this.dataSource.close();
		int before = output.getAll().length();

		List<SearchResults> results = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			results.add(this.search.search(AGENT, "refund", ArchiveSearch.Filters.NONE));
		}

		assertThat(results).allSatisfy((result) -> {
			assertThat(result.status()).isEqualTo(Status.UNAVAILABLE);
			assertThat(result.query()).isEqualTo("refund");
			assertThat(result.hits()).isEmpty();
		});
		List<String> lines = output.getAll().substring(before).lines().toList();
		assertThat(lines).filteredOn((line) -> line.contains("Search unavailable"))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("WARN", "the archive's database did not answer")
				.doesNotContain("refund"));
		assertThat(lines).noneMatch((line) -> line.startsWith("\tat ") || line.contains("ERROR"));
	}

	@Test
	void countTermsWhenMoreThanTheMostThenCountsThemAll() {
		assertThat(ArchiveSearch.countTerms("a b c d e f g h i j k")).isEqualTo(11);
		assertThat(ArchiveSearch.countTerms("refund \"store credit\" -voucher")).isEqualTo(3);
	}

}
