package dev.simboard.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.simboard.Fixtures;
import dev.simboard.catalog.AgentBatches;
import dev.simboard.catalog.BatchRuns;
import dev.simboard.catalog.Catalog;
import dev.simboard.catalog.RunList;
import dev.simboard.model.Batch;
import dev.simboard.model.Id;
import dev.simboard.model.Page;
import dev.simboard.model.Run;
import dev.simboard.model.TestCase;
import dev.simboard.review.Reviews;
import dev.simboard.sigmamind.SigmaMindUnavailableException.Reason;
import dev.simboard.sigmamind.SigmaMindUnavailableException;
import dev.simboard.web.PageTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PageTest(HistoryController.class)
@Import(RecentBatches.class)
@WithMockUser
class HistoryControllerTests {

	private static final String AGENT = Fixtures.AGENT_ID;

	private static final String HISTORY = "/agents/" + AGENT + "/test-cases/";

	private static final String P = "P";

	private static final String F = "F";

	/** Both attempts of a batch disagree. */
	private static final String M = "M";

	/** Verdicts per batch, oldest first, of each crafted test case. */
	private static final String[][] CASES = { { "tc_flip", "Flips every batch", P, F, P, F, P },
			{ "tc_fail", "Fails lately", P, P, F, F, F }, { "tc_pass", "Always passes", P, P, P, P, P },
			{ "tc_mixed", "Attempts disagree once", P, P, M, P, P } };

	@Autowired
	private MockMvc mvc;

	/** No reviews: the judge's verdicts stand (reviews have tests of their own). */
	@MockitoBean
	private Reviews reviews;

	@MockitoBean
	private Catalog catalog;

	private final List<Batch> newestFirst = new ArrayList<>();

	@BeforeEach
	void batches() {
		for (int b = 1; b <= 5; b++) {
			String batchId = "batch_" + b;
			Instant created = Instant.parse("2026-03-0" + b + "T10:00:00Z");
			List<TestCase> testCases = new ArrayList<>();
			List<Run> runs = new ArrayList<>();
			for (String[] spec : CASES) {
				TestCase testCase = Fixtures.testCase(spec[0], spec[1]);
				testCases.add(testCase);
				String verdict = spec[1 + b];
				for (int attempt = 1; attempt <= 2; attempt++) {
					boolean passed = verdict.equals(P) || (verdict.equals(M) && attempt == 1);
					runs.add(Fixtures.run(job(spec[0], b, attempt), testCase, passed, created.plusSeconds(attempt),
							null));
				}
			}
			Batch batch = new Batch(batchId, Fixtures.agent(), created, testCases, 0, 0, runs.size());
			this.newestFirst.add(0, batch);
			given(this.catalog.batchRuns(Fixtures.AGENT, Id.of(batchId)))
				.willReturn(new BatchRuns(Fixtures.fresh(batch), Fixtures.fresh(RunList.listed(runs))));
		}
		given(this.catalog.agentBatches(Fixtures.AGENT, 0)).willReturn(new AgentBatches(
				Fixtures.fresh(Fixtures.agent()), Fixtures.fresh(new Page<>(this.newestFirst, false, 1, 5L))));
	}

	/** SigmaMind fails for the run lists of these batches. */
	private void unreadable(int... batches) {
		for (int b : batches) {
			given(this.catalog.batchRuns(Fixtures.AGENT, Id.of("batch_" + b))).willThrow(
					new SigmaMindUnavailableException("GET /v1/test-runs", Reason.SERVER_ERROR, "answered 503", null));
		}
	}

	private static String job(String testCaseId, int batch, int attempt) {
		return "job_" + testCaseId.substring(3) + "_" + batch + "_" + attempt;
	}

	private Document page(String path) throws Exception {
		String body = this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(body);
	}

	/** Each column of the strip as its outcome class and its squares' symbols. */
	private static List<String> strip(Element root) {
		return root.select(".strip > li")
			.stream()
			.map((column) -> column.className().replace("strip-batch ", "") + ":"
					+ column.select(".square").stream().map(Element::text).reduce("", String::concat))
			.toList();
	}

	@Test
	void historyWhenCaseFlipsEveryBatchThenMarkedFlaky() throws Exception {
		Document page = page(HISTORY + "tc_flip");
		assertThat(strip(page)).containsExactly("passed:✓✓", "failed:✗✗", "passed:✓✓", "failed:✗✗", "passed:✓✓");
		assertThat(page.select(".badge.flaky").text()).isEqualTo("Flaky");
		assertThat(page.select(".stability").text()).isEqualTo("Flaky");
		assertThat(page.select(".failing-since").text()).isEqualTo("Not failing");
		assertThat(page.select(".card.passed .failing-since")).hasSize(1);
		assertThat(page.text()).contains("4 verdict changes, 0 batch runs with disagreeing attempts");
	}

	@Test
	void historyWhenCaseAlwaysPassedThenNotFailingInGreenAndStable() throws Exception {
		Document page = page(HISTORY + "tc_pass");
		assertThat(page.select(".card.passed .failing-since").text()).isEqualTo("Not failing");
		assertThat(page.select(".stability").text()).isEqualTo("Stable");
		assertThat(page.text()).contains("0 verdict changes, 0 batch runs with disagreeing attempts, over 5 batch runs")
			.doesNotContain("could not be read", "Unknown");
	}

	@Test
	void historyWhenCasePlayedInSeveralBatchesThenEachLinksToADiffWithTheOneBefore() throws Exception {
		Document page = page(HISTORY + "tc_flip");
		// Five played batches: the first has none before it, the other four link to a
		// diff.
		assertThat(page.select("a.strip-diff")).hasSize(4);
		assertThat(page.select("a.strip-diff").first().attr("href")).startsWith("/agents/" + AGENT + "/diff?baseBatch=")
			.contains("&headBatch=");
	}

	@Test
	void historyWhenCaseFailedLastThreeBatchesThenFailingSinceThreeAndNotFlaky() throws Exception {
		Document page = page(HISTORY + "tc_fail");
		assertThat(strip(page)).containsExactly("passed:✓✓", "passed:✓✓", "failed:✗✗", "failed:✗✗", "failed:✗✗");
		assertThat(page.select(".failing-since").text()).isEqualTo("3 batch runs");
		assertThat(page.select(".failing-since + .small a").attr("href"))
			.isEqualTo("/agents/" + AGENT + "/batches/batch_3");
		assertThat(page.select(".badge.flaky")).isEmpty();
		assertThat(page.select(".stability").text()).isEqualTo("Stable");
	}

	@Test
	void historyShowsSquaresLinkingToRunsOldestFirstAndTheNewestDescription() throws Exception {
		Document page = page(HISTORY + "tc_mixed");
		assertThat(strip(page)).containsExactly("passed:✓✓", "passed:✓✓", "mixed:✓✗", "passed:✓✓", "passed:✓✓");
		List<String> hrefs = page.select("a.square").eachAttr("href");
		assertThat(hrefs).hasSize(10)
			.startsWith("/agents/" + AGENT + "/batches/batch_1/runs/job_mixed_1_1",
					"/agents/" + AGENT + "/batches/batch_1/runs/job_mixed_1_2")
			.endsWith("/agents/" + AGENT + "/batches/batch_5/runs/job_mixed_5_2");
		assertThat(page.select("a.square.failed").attr("aria-label"))
			.isEqualTo("Failed, attempt 2 of 2, batch of 2026-03-03 10:00:00 UTC");
		assertThat(page.select("h1").text()).isEqualTo("Attempts disagree once");
		assertThat(page.select(".criteria").text())
			.isEqualTo("The agent confirms the cancellation and offers a retention discount.");
		assertThat(page.select(".prompt").text()).isEqualTo("You are an angry customer who wants to cancel.");
		assertThat(page.text()).contains("at least one attempt failed and none passed");
	}

	@Test
	void historyWhenFewerBatchesAskedThenOnlyTheNewestAreRead() throws Exception {
		Document page = page(HISTORY + "tc_fail?batches=2");
		assertThat(strip(page)).containsExactly("failed:✗✗", "failed:✗✗");
		assertThat(page.select(".failing-since").text()).isEqualTo("2 batch runs");
		verify(this.catalog, never()).batchRuns(Fixtures.AGENT, Id.of("batch_3"));
	}

	@Test
	void flakyListWhenCasesFlipOrDisagreeThenMostUnstableFirstAndStableOnesLeftOut() throws Exception {
		Document page = page("/agents/" + AGENT + "/flaky");
		assertThat(page.select("table.flaky-list a.case").eachAttr("href")).containsExactly(HISTORY + "tc_flip",
				HISTORY + "tc_mixed");
		assertThat(page.select("table.flaky-list .score").eachText()).containsExactly("4", "3");
		assertThat(page.text()).doesNotContain("Always passes", "Fails lately");
	}

	@Test
	void historyWhenOneBatchCannotBeReadThenShownAsUnknownAndLeftOutOfFigures() throws Exception {
		given(this.catalog.batchRuns(Fixtures.AGENT, Id.of("batch_4"))).willThrow(
				new SigmaMindUnavailableException("GET /v1/test-runs", Reason.SERVER_ERROR, "answered 503", null));
		Document page = page(HISTORY + "tc_flip");
		assertThat(strip(page)).containsExactly("passed:✓✓", "failed:✗✗", "passed:✓✓", "unknown:–", "passed:✓✓");
		assertThat(page.text()).contains("did not give the runs of 1 of these batch runs");
		assertThat(page.text()).contains("2 verdict changes");
	}

	@Test
	void historyWhenNoBatchCanBeReadThenFailingSinceAndStabilityAreUnknownAndNothingIsGreen() throws Exception {
		unreadable(1, 2, 3, 4, 5);
		Document page = page(HISTORY + "tc_pass");
		assertThat(strip(page)).containsOnly("unknown:–").hasSize(5);
		assertThat(page.select(".failing-since").text()).isEqualTo("Unknown — no batch could be read");
		assertThat(page.select(".stability").text()).isEqualTo("Unknown");
		assertThat(page.select(".history-figures .card.unknown")).hasSize(2);
		assertThat(page.select(".card.passed, .card.failed, .badge.flaky")).isEmpty();
		assertThat(page.text()).doesNotContain("Not failing", "Stable", "verdict changes")
			.contains("5 of 5 batch runs could not be read", "did not give the runs of any of these 5 batch runs");
	}

	@Test
	void historyWhenEachBatchEitherCannotBeReadOrDoesNotListTheCaseThenUnknown() throws Exception {
		unreadable(4, 5);
		// tc_gone is named by no batch: the three readable ones do not list it.
		Document page = page(HISTORY + "tc_gone");
		assertThat(strip(page)).containsExactly("absent:–", "absent:–", "absent:–", "unknown:–", "unknown:–");
		assertThat(page.select(".failing-since").text()).isEqualTo("Unknown — no batch could be read");
		assertThat(page.select(".stability").text()).isEqualTo("Unknown");
		assertThat(page.text()).contains("2 of 5 batch runs could not be read").doesNotContain("Stable");
	}

	@Test
	void historyWhenCasePlayedButNoVerdictYetThenUnknownNotStable() throws Exception {
		unreadable(1, 2, 3, 4);
		TestCase testCase = Fixtures.testCase("tc_pass", "Always passes");
		Batch batch = this.newestFirst.get(0);
		given(this.catalog.batchRuns(Fixtures.AGENT, Id.of("batch_5")))
			.willReturn(new BatchRuns(Fixtures.fresh(batch), Fixtures
				.fresh(RunList.listed(List.of(Fixtures.run("job_pass_5_1", testCase, null, Fixtures.CREATED, null))))));
		Document page = page(HISTORY + "tc_pass");
		assertThat(page.select(".failing-since").text()).isEqualTo("Unknown — no verdict yet");
		assertThat(page.select(".stability").text()).isEqualTo("Unknown");
		assertThat(page.select(".card.passed")).isEmpty();
	}

	@Test
	void historyWhenABatchInsideTheFailingStreakCannotBeReadThenAtLeastSinceTheOldestReadFailure() throws Exception {
		unreadable(2);
		Document page = page(HISTORY + "tc_fail");
		assertThat(strip(page)).containsExactly("passed:✓✓", "unknown:–", "failed:✗✗", "failed:✗✗", "failed:✗✗");
		assertThat(page.select(".failing-since").text()).isEqualTo("At least 3 batch runs");
		assertThat(page.select(".failing-since + .small").text())
			.isEqualTo("at least since the batch of 2026-03-03 10:00:00 UTC");
		assertThat(page.select(".failing-since + .small a").attr("href"))
			.isEqualTo("/agents/" + AGENT + "/batches/batch_3");
		assertThat(page.select(".stability").text()).isEqualTo("Stable");
		assertThat(page.text()).contains("over 4 batch runs with a verdict",
				"1 batch run could not be read and may hide a change",
				"did not give the runs of 1 of these batch runs");
	}

	@Test
	void historyWhenTheNewestBatchCannotBeReadThenNotFailingIsAsOfTheNewestVerdictAndNotGreen() throws Exception {
		unreadable(5);
		Document page = page(HISTORY + "tc_pass");
		assertThat(page.select(".failing-since").text()).isEqualTo("Not failing");
		assertThat(page.select(".card.passed")).isEmpty();
		assertThat(page.select(".card.unknown .failing-since")).hasSize(1);
		assertThat(page.select(".unread-newer").text())
			.isEqualTo("as of the newest batch run with a verdict: the 1 newer one could not be read");
	}

	@Test
	void historyWhenTheNewestBatchCannotBeReadThenTheFailingStreakIsAsOfTheNewestVerdict() throws Exception {
		unreadable(5);
		Document page = page(HISTORY + "tc_fail");
		assertThat(page.select(".failing-since").text()).isEqualTo("2 batch runs");
		assertThat(page.select(".failing-since + .small").text())
			.isEqualTo("from the batch of 2026-03-03 10:00:00 UTC");
		assertThat(page.select(".unread-newer").text()).contains("the 1 newer one could not be read");
	}

	@Test
	void flakyListWhenNoBatchCanBeReadThenSaysFlakinessIsUnknownAndNamesTheCasesNotJudged() throws Exception {
		unreadable(1, 2, 3, 4, 5);
		Document page = page("/agents/" + AGENT + "/flaky");
		Element result = page.selectFirst(".flaky-result");
		assertThat(result.select(".notice").text()).isEqualTo(
				"SigmaMind did not give the runs of any of these 5 batch runs just now, so which test cases are flaky is unknown.");
		assertThat(result.select("table.flaky-list, p.empty")).isEmpty();
		assertThat(result.select("details.unjudged summary").text())
			.isEqualTo("4 test cases have no verdict in these batch runs, so whether they are flaky is unknown");
		assertThat(result.select("details.unjudged a").eachText()).containsExactly("Always passes",
				"Attempts disagree once", "Fails lately", "Flips every batch");
		assertThat(page.text()).doesNotContain("No flaky test case");
	}

	@Test
	void flakyListWhenSomeBatchesCannotBeReadThenSaysHowManyAndListsWhatItCanTell() throws Exception {
		unreadable(2, 4);
		Document page = page("/agents/" + AGENT + "/flaky");
		Element result = page.selectFirst(".flaky-result");
		assertThat(result.select(".hint.unread").text()).isEqualTo(
				"SigmaMind did not give the runs of 2 of these 5 batch runs just now; they are left out, and may hide a change of verdict.");
		// tc_flip still reads P ? P ? P: no change can be seen, so it is not listed,
		// but it is not said to be fine either.
		assertThat(result.select("table.flaky-list a.case").eachAttr("href")).containsExactly(HISTORY + "tc_mixed");
		assertThat(result.select("details.unjudged")).isEmpty();
	}

	@Test
	void flakyListWhenNoFlakyCaseAndSomeBatchesUnreadableThenSaysItIsOnlyOfTheBatchesRead() throws Exception {
		Document page = page("/agents/" + AGENT + "/flaky?batches=2");
		assertThat(page.select(".flaky-result p.empty").text()).isEqualTo("No flaky test case in these batch runs.");
		unreadable(5);
		page = page("/agents/" + AGENT + "/flaky?batches=2");
		assertThat(page.select(".flaky-result p.empty").text())
			.isEqualTo("No flaky test case in the batch runs that could be read.");
		assertThat(page.select(".flaky-result .hint.unread").text()).contains("1 of these 2 batch runs");
	}

	@Test
	void historyWhenCaseNeverPlayedThenSaysSo() throws Exception {
		Document page = page(HISTORY + "tc_other");
		assertThat(page.select(".notice").text()).contains("No batch run among the last 5");
		assertThat(page.select(".strip")).isEmpty();
	}

	@Test
	void historyWhenIdsOrWindowInvalidThenBadRequestAndNothingAsked() throws Exception {
		this.mvc.perform(get(HISTORY + "tc.x")).andExpect(status().isBadRequest());
		this.mvc.perform(get(HISTORY + "tc_flip").param("batches", "51")).andExpect(status().isBadRequest());
		this.mvc.perform(get(HISTORY + "tc_flip").param("batches", "0")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/agents/" + AGENT + "/flaky").param("batches", "x")).andExpect(status().isBadRequest());
		verify(this.catalog, never()).agentBatches(any(), anyInt());
	}

}
