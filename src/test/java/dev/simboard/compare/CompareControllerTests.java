package dev.simboard.compare;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.simboard.Fixtures;
import dev.simboard.catalog.AgentBatches;
import dev.simboard.catalog.BatchRuns;
import dev.simboard.catalog.Catalog;
import dev.simboard.catalog.PinnedBatch;
import dev.simboard.catalog.Pins;
import dev.simboard.catalog.RunDetail;
import dev.simboard.catalog.RunList;
import dev.simboard.model.Batch;
import dev.simboard.model.Conversation;
import dev.simboard.model.Id;
import dev.simboard.model.MockVariable;
import dev.simboard.model.Page;
import dev.simboard.model.Run;
import dev.simboard.model.TestCase;
import dev.simboard.model.Verdict;
import dev.simboard.review.Reviews;
import dev.simboard.sigmamind.SigmaMindNotFoundException;
import dev.simboard.transcript.Speaker;
import dev.simboard.transcript.Transcript;
import dev.simboard.transcript.Turn;

import dev.simboard.web.PageTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PageTest(CompareController.class)
@WithMockUser
class CompareControllerTests {

	private static final String AGENT = Fixtures.AGENT_ID;

	private static final String BASE = "batch_base1";

	private static final String HEAD = "batch_head2";

	private static final String COMPARE = "/agents/" + AGENT + "/compare";

	private static final String DIFF = "/agents/" + AGENT + "/diff";

	private static final Instant T = Fixtures.CREATED;

	@Autowired
	private MockMvc mvc;

	/** No reviews: the judge's verdicts stand (reviews have tests of their own). */
	@MockitoBean
	private Reviews reviews;

	@MockitoBean
	private Catalog catalog;

	@MockitoBean
	private Pins pins;

	@Test
	void compareWhenCasesMoveThenGroupsCountsAndWarnsOnChangedTestCases() throws Exception {
		TestCase regressed = testCase("tc_reg", "Regressed");
		TestCase fixed = testCase("tc_fix", "Fixed");
		TestCase failing = testCase("tc_fail", "Failing");
		TestCase passing = testCase("tc_pass", "Passing");
		TestCase gone = testCase("tc_gone", "Gone");
		TestCase added = testCase("tc_new", "Added");
		TestCase regressedNewCriteria = withCriteria(regressed, "The agent refunds at once.");
		TestCase passingNewPrompt = withPrompt(passing, "You are a calm customer.");
		TestCase failingNewModel = withModel(failing, "gpt-4o");
		given(this.catalog.batchRuns(Fixtures.AGENT, Id.of(BASE)))
			.willReturn(batchRuns(BASE, 3, 2, List.of(regressed, fixed, failing, passing, gone),
					List.of(run(BASE, "job_b1", regressed, true), run(BASE, "job_b2", fixed, false),
							run(BASE, "job_b3", failing, false), run(BASE, "job_b4", passing, true),
							run(BASE, "job_b5", gone, true))));
		given(this.catalog.batchRuns(Fixtures.AGENT, Id.of(HEAD))).willReturn(
				batchRuns(HEAD, 2, 3, List.of(regressedNewCriteria, fixed, failingNewModel, passingNewPrompt, added),
						List.of(run(HEAD, "job_h1", regressedNewCriteria, false), run(HEAD, "job_h2", fixed, true),
								run(HEAD, "job_h3", failingNewModel, false),
								run(HEAD, "job_h4", passingNewPrompt, true), run(HEAD, "job_h5", added, false))));
		String html = this.mvc.perform(get(COMPARE).param("base", BASE).param("head", HEAD))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(html);
		assertThat(count(page, "regression")).isEqualTo("1");
		assertThat(count(page, "fix")).isEqualTo("1");
		assertThat(count(page, "still-failing")).isEqualTo("1");
		assertThat(count(page, "still-passing")).isEqualTo("1");
		assertThat(count(page, "only-base")).isEqualTo("1");
		assertThat(count(page, "only-head")).isEqualTo("1");
		assertThat(count(page, "warned")).isEqualTo("3");
		assertThat(page.select(".stat.undecided")).isEmpty();
		assertThat(page.selectFirst(".pass-rate-change").text()).contains("60% → 40%", "−20 pts");
		assertThat(groupOf(page, "tc_reg")).isEqualTo("regression");
		assertThat(groupOf(page, "tc_fix")).isEqualTo("fix");
		assertThat(groupOf(page, "tc_fail")).isEqualTo("still-failing");
		assertThat(groupOf(page, "tc_pass")).isEqualTo("still-passing");
		assertThat(groupOf(page, "tc_gone")).isEqualTo("only-base");
		assertThat(groupOf(page, "tc_new")).isEqualTo("only-head");
		assertThat(warnings(page, "tc_reg")).containsExactly("criteria changed");
		assertThat(warnings(page, "tc_pass")).containsExactly("prompt changed");
		assertThat(warnings(page, "tc_fail")).containsExactly("model changed");
		assertThat(warnings(page, "tc_fix")).isEmpty();
		assertThat(page.select("section.compare-group").eachAttr("class")).containsExactly("compare-group regression",
				"compare-group fix", "compare-group still-failing", "compare-group still-passing",
				"compare-group only-base", "compare-group only-head");
		Element regression = row(page, "tc_reg");
		assertThat(regression.select(".side.base").text()).isEqualTo("1/1");
		assertThat(regression.select(".side.head").text()).isEqualTo("0/1");
		assertThat(regression.select("a").eachAttr("href")).containsExactly(
				"/agents/" + AGENT + "/batches/" + BASE + "/runs/job_b1",
				"/agents/" + AGENT + "/batches/" + HEAD + "/runs/job_h1",
				DIFF + "?baseBatch=" + BASE + "&baseJob=job_b1&headBatch=" + HEAD + "&headJob=job_h1");
		assertThat(row(page, "tc_gone").select("a").eachText()).containsExactly("Base run");
		assertThat(html).contains("3 test case(s) changed between the batches");
	}

	@Test
	void compareWhenOneCaseFlipsToFailedThenListsItAsRegression() throws Exception {
		TestCase angry = testCase("tc_angry", "Angry Customer");
		given(this.catalog.batchRuns(Fixtures.AGENT, Id.of(BASE)))
			.willReturn(batchRuns(BASE, 1, 0, List.of(angry), List.of(run(BASE, "job_b1", angry, true))));
		given(this.catalog.batchRuns(Fixtures.AGENT, Id.of(HEAD)))
			.willReturn(batchRuns(HEAD, 0, 1, List.of(angry), List.of(run(HEAD, "job_h1", angry, false))));
		Document page = Jsoup.parse(this.mvc.perform(get(COMPARE).param("base", BASE).param("head", HEAD))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(groupOf(page, "tc_angry")).isEqualTo("regression");
		assertThat(count(page, "regression")).isEqualTo("1");
		assertThat(count(page, "warned")).isEqualTo("0");
		assertThat(page.selectFirst(".pass-rate-change").text()).contains("100% → 0%", "−100 pts");
	}

	@Test
	void compareWhenSeveralAttemptsThenComparesPassCountsAndHoldsBackUnjudgedOnes() throws Exception {
		TestCase fewer = testCase("tc_fewer", "Fewer");
		TestCase same = testCase("tc_same", "Same");
		TestCase more = testCase("tc_more", "More");
		TestCase open = testCase("tc_open", "Open");
		TestCase lost = testCase("tc_lost", "Lost anyway");
		List<TestCase> cases = List.of(fewer, same, more, open, lost);
		given(this.catalog.batchRuns(Fixtures.AGENT, Id.of(BASE))).willReturn(batchRuns(BASE, 7, 3, cases,
				List.of(run(BASE, "job_b1", fewer, true), run(BASE, "job_b2", fewer, true),
						run(BASE, "job_b3", same, true), run(BASE, "job_b4", same, false),
						run(BASE, "job_b5", more, false), run(BASE, "job_b6", more, true),
						run(BASE, "job_b7", open, true), run(BASE, "job_b8", open, false),
						run(BASE, "job_b9", lost, true), run(BASE, "job_b10", lost, true))));
		given(this.catalog.batchRuns(Fixtures.AGENT, Id.of(HEAD))).willReturn(batchRuns(HEAD, 4, 4, cases,
				List.of(run(HEAD, "job_h1", fewer, false), run(HEAD, "job_h2", fewer, true),
						run(HEAD, "job_h3", same, false), run(HEAD, "job_h4", same, true),
						run(HEAD, "job_h5", more, true), run(HEAD, "job_h6", more, true),
						run(HEAD, "job_h7", open, true), run(HEAD, "job_h8", open, null),
						run(HEAD, "job_h9", lost, false), run(HEAD, "job_h10", lost, null))));
		Document page = Jsoup.parse(this.mvc.perform(get(COMPARE).param("base", BASE).param("head", HEAD))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(groupOf(page, "tc_fewer")).isEqualTo("regression");
		assertThat(row(page, "tc_fewer").select(".side").eachText()).containsExactly("2/2", "1/2");
		assertThat(groupOf(page, "tc_same")).isEqualTo("still-failing");
		assertThat(groupOf(page, "tc_more")).isEqualTo("fix");
		assertThat(row(page, "tc_more").select(".side").eachText()).containsExactly("1/2", "2/2");
		// 1/2 → 1 passed and 1 running: could still end 1/2 or 2/2.
		assertThat(groupOf(page, "tc_open")).isEqualTo("undecided");
		assertThat(row(page, "tc_open").select(".side.head").text()).isEqualTo("1/2 1 not judged");
		// 2/2 → 1 failed and 1 running: at most 1/2 whatever the running one does.
		assertThat(groupOf(page, "tc_lost")).isEqualTo("regression");
		assertThat(count(page, "regression")).isEqualTo("2");
		assertThat(count(page, "undecided")).isEqualTo("1");
		assertThat(page.selectFirst(".pass-rate-change").text()).contains("70% → 50%", "−20 pts");
		// The transcript diff pairs the first attempts.
		assertThat(row(page, "tc_fewer").select("a").last().attr("href")).contains("baseJob=job_b1", "headJob=job_h1");
	}

	@Test
	void compareWhenRunsUnlistedThenSaysSoAndComparesNothing() throws Exception {
		TestCase angry = testCase("tc_angry", "Angry Customer");
		given(this.catalog.batchRuns(Fixtures.AGENT, Id.of(BASE)))
			.willReturn(batchRuns(BASE, 1, 0, List.of(angry), List.of(run(BASE, "job_b1", angry, true))));
		given(this.catalog.batchRuns(Fixtures.AGENT, Id.of(HEAD))).willReturn(
				new BatchRuns(Fixtures.fresh(batch(HEAD, 0, 1, List.of(angry))), Fixtures.fresh(RunList.unlisted())));
		Document page = Jsoup.parse(this.mvc.perform(get(COMPARE).param("base", BASE).param("head", HEAD))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.text()).contains("SigmaMind does not list the runs of the head batch " + HEAD,
				"can't be compared");
		assertThat(page.select("table.compare")).isEmpty();
		assertThat(page.select(".stat.regression")).isEmpty();
		assertThat(page.selectFirst(".pass-rate-change").text()).contains("100% → 0%");
	}

	@Test
	void compareWithoutBaseThenRedirectsToTheNextOlderBatchEvenOnTheNextPage() throws Exception {
		given(this.catalog.agentBatches(Fixtures.AGENT, 0))
			.willReturn(agentBatches(List.of(batch("batch_3", 1, 0, List.of()), batch(HEAD, 1, 0, List.of())), true));
		given(this.catalog.agentBatches(Fixtures.AGENT, 1))
			.willReturn(agentBatches(List.of(batch(BASE, 1, 0, List.of()), batch("batch_0", 1, 0, List.of())), false));
		this.mvc.perform(get(COMPARE).param("head", HEAD))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(COMPARE + "?base=" + BASE + "&head=" + HEAD));
		this.mvc.perform(get(COMPARE).param("head", "batch_3"))
			.andExpect(redirectedUrl(COMPARE + "?base=" + HEAD + "&head=batch_3"));
	}

	@Test
	void compareWithoutBaseWhenHeadIsTheOldestThenSaysThereIsNothingToCompare() throws Exception {
		given(this.catalog.agentBatches(Fixtures.AGENT, 0))
			.willReturn(agentBatches(List.of(batch("batch_3", 1, 0, List.of()), batch(HEAD, 1, 0, List.of())), false));
		Document page = Jsoup.parse(this.mvc.perform(get(COMPARE).param("head", HEAD))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.text()).contains("There is no batch before " + HEAD);
	}

	@Test
	void compareWhenBaselinesPinnedThenTheFormOffersThemFirstByNameAndLinksEachWithTheHead() throws Exception {
		TestCase angry = testCase("tc_angry", "Angry Customer");
		given(this.catalog.batchRuns(Fixtures.AGENT, Id.of(BASE)))
			.willReturn(batchRuns(BASE, 1, 0, List.of(angry), List.of(run(BASE, "job_b1", angry, true))));
		given(this.catalog.batchRuns(Fixtures.AGENT, Id.of(HEAD)))
			.willReturn(batchRuns(HEAD, 1, 0, List.of(angry), List.of(run(HEAD, "job_h1", angry, true))));
		given(this.pins.ofAgent(Fixtures.AGENT)).willReturn(List.of(pinned("batch_rel23", "<i>release 2.3</i>"),
				pinned(HEAD, "the head itself"), pinned("batch_rel22", "release 2.2")));
		String html = this.mvc.perform(get(COMPARE).param("base", BASE).param("head", HEAD))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(html);
		assertThat(html).doesNotContain("<i>release 2.3</i>");
		assertThat(page.select("input#base").attr("list")).isEqualTo("baselines");
		assertThat(page.select("datalist#baselines option")).extracting((option) -> option.attr("value"))
			.containsExactly("batch_rel23", "batch_rel22");
		assertThat(page.select("datalist#baselines option").eachText())
			.containsExactly("<i>release 2.3</i> (pinned baseline)", "release 2.2 (pinned baseline)");
		assertThat(page.select(".baselines a").eachText()).containsExactly("<i>release 2.3</i>", "release 2.2");
		assertThat(page.select(".baselines a").eachAttr("href"))
			.containsExactly(COMPARE + "?base=batch_rel23&head=" + HEAD, COMPARE + "?base=batch_rel22&head=" + HEAD);
	}

	@Test
	void compareWithoutBaseWhenNothingBeforeButABaselineIsPinnedThenOffersIt() throws Exception {
		given(this.catalog.agentBatches(Fixtures.AGENT, 0))
			.willReturn(agentBatches(List.of(batch(HEAD, 1, 0, List.of())), false));
		given(this.pins.ofAgent(Fixtures.AGENT)).willReturn(List.of(pinned("batch_rel23", "release 2.3")));
		Document page = Jsoup.parse(this.mvc.perform(get(COMPARE).param("head", HEAD))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select(".baselines a").eachAttr("href"))
			.containsExactly(COMPARE + "?base=batch_rel23&head=" + HEAD);
	}

	@Test
	void compareWhenNothingPinnedThenTheFormOffersNoBaselines() throws Exception {
		given(this.catalog.agentBatches(Fixtures.AGENT, 0))
			.willReturn(agentBatches(List.of(batch(HEAD, 1, 0, List.of())), false));
		Document page = Jsoup.parse(this.mvc.perform(get(COMPARE).param("head", HEAD))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select(".baselines, datalist")).isEmpty();
		assertThat(page.select("input#base").hasAttr("list")).isFalse();
	}

	private static PinnedBatch pinned(String batchId, String name) {
		return new PinnedBatch(Fixtures.AGENT, Id.of(batchId), name, "ann", T, 4, 4, false);
	}

	@Test
	void compareWhenHeadMissingThenPageNamesTheMissingParameter() throws Exception {
		for (var request : List.of(get(COMPARE), get(COMPARE).param("base", BASE))) {
			this.mvc.perform(request)
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("That address is missing head")))
				.andExpect(content().string(not(containsString("an ID Simboard can"))));
		}
		verifyNoInteractions(this.catalog);
	}

	@Test
	void compareWhenBaseIdMalformedThenPageNamesBaseAndWhatItTakes() throws Exception {
		this.mvc.perform(get(COMPARE).param("base", "a b").param("head", HEAD))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("In this address, base must be a SigmaMind ID")));
	}

	@Test
	void compareWhenHeadEmptyThenPageNamesHeadAndWhatItTakes() throws Exception {
		this.mvc.perform(get(COMPARE).param("head", ""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("In this address, head must be a SigmaMind ID")));
		verifyNoInteractions(this.catalog);
	}

	@Test
	void diffWhenJobIdMalformedThenPageNamesItAndWhatItTakes() throws Exception {
		this.mvc
			.perform(get(DIFF).param("baseBatch", BASE)
				.param("baseJob", "job_1")
				.param("headBatch", HEAD)
				.param("headJob", "job.2"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("In this address, headJob must be a SigmaMind ID")));
		verifyNoInteractions(this.catalog);
	}

	@Test
	void compareWhenBaseUnknownThenNotFoundNamesThatBatch() throws Exception {
		given(this.catalog.batchRuns(Fixtures.AGENT, Id.of("batch_gone")))
			.willThrow(new SigmaMindNotFoundException("GET /v1/batch-runs/{batchId}", 404));
		this.mvc.perform(get(COMPARE).param("base", "batch_gone").param("head", HEAD))
			.andExpect(status().isNotFound())
			.andExpect(content()
				.string(containsString("SigmaMind has no batch run batch_gone (the base of this comparison)")));
	}

	@Test
	void compareAndDiffWhenIdsHostileThenBadRequestWithoutAskingSigmaMind() throws Exception {
		for (String id : List.of("../x", "a b", "batch_1?x=1", "<script>", "x".repeat(129))) {
			this.mvc.perform(get(COMPARE).param("base", id).param("head", HEAD)).andExpect(status().isBadRequest());
			this.mvc.perform(get(COMPARE).param("base", BASE).param("head", id)).andExpect(status().isBadRequest());
			this.mvc.perform(get(COMPARE).param("head", id)).andExpect(status().isBadRequest());
			this.mvc
				.perform(get(DIFF).param("baseBatch", id)
					.param("baseJob", "job_1")
					.param("headBatch", HEAD)
					.param("headJob", "job_2"))
				.andExpect(status().isBadRequest());
			this.mvc
				.perform(get(DIFF).param("baseBatch", BASE)
					.param("baseJob", "job_1")
					.param("headBatch", HEAD)
					.param("headJob", id))
				.andExpect(status().isBadRequest());
		}
		this.mvc.perform(get("/agents/a.b/compare").param("base", BASE).param("head", HEAD))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get(COMPARE)).andExpect(status().isBadRequest());
		this.mvc.perform(get(DIFF).param("baseBatch", BASE).param("baseJob", "job_1").param("headBatch", HEAD))
			.andExpect(status().isBadRequest());
		verifyNoInteractions(this.catalog);
	}

	@Test
	void diffWhenAWordChangedThenMarksItWithDelAndInsAndShowsBothVerdictsAndRemarks() throws Exception {
		TestCase angry = testCase("tc_angry", "Angry Customer");
		given(this.catalog.run(Fixtures.AGENT, Id.of(BASE), Id.of("job_b1")))
			.willReturn(detail(run(BASE, "job_b1", angry, true),
					List.of(turn(1, Speaker.AGENT, "Hello, how can I help you today?"),
							turn(2, Speaker.USER, "I want to cancel my plan."),
							turn(3, Speaker.AGENT, "Sorry to see you go."))));
		given(this.catalog.run(Fixtures.AGENT, Id.of(HEAD), Id.of("job_h1")))
			.willReturn(detail(run(HEAD, "job_h1", angry, false),
					List.of(turn(1, Speaker.AGENT, "Hello, how may I help you today?"),
							turn(2, Speaker.USER, "I want to cancel my plan."),
							turn(3, Speaker.AGENT, "Would a discount change your mind?"),
							turn(4, Speaker.AGENT, "Sorry to see you go."))));
		Document page = Jsoup
			.parse(this.mvc
				.perform(get(DIFF).param("baseBatch", BASE)
					.param("baseJob", "job_b1")
					.param("headBatch", HEAD)
					.param("headJob", "job_h1"))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(page.select(".diff-row").eachAttr("class")).containsExactly("diff-row changed", "diff-row same",
				"diff-row added", "diff-row same");
		Element changed = page.selectFirst(".diff-row.changed");
		assertThat(changed.select("del").eachText()).containsExactly("can");
		assertThat(changed.select("ins").eachText()).containsExactly("may");
		assertThat(changed.select(".diff-side").get(0).selectFirst(".text").text())
			.isEqualTo("Hello, how can I help you today?");
		assertThat(changed.select(".diff-side").get(1).selectFirst(".text").text())
			.isEqualTo("Hello, how may I help you today?");
		assertThat(page.selectFirst(".diff-row.added").text()).contains("(not in base)", "Would a discount");
		assertThat(page.select(".card").eachAttr("class")).containsExactly("card passed", "card failed");
		assertThat(page.select(".card .remarks").eachText()).containsExactly("Remarks on job_b1", "Remarks on job_h1");
		assertThat(page.selectFirst(".diff-row.added .anchor").attr("href"))
			.isEqualTo("/agents/" + AGENT + "/batches/" + HEAD + "/runs/job_h1#m3");
	}

	@Test
	void diffWhenTranscriptHoldsMarkupThenEscapesIt() throws Exception {
		TestCase angry = testCase("tc_angry", "Angry Customer");
		given(this.catalog.run(Fixtures.AGENT, Id.of(BASE), Id.of("job_b1")))
			.willReturn(detail(run(BASE, "job_b1", angry, true), List.of(turn(1, Speaker.USER, "Hi <b>there</b>"))));
		given(this.catalog.run(Fixtures.AGENT, Id.of(HEAD), Id.of("job_h1")))
			.willReturn(detail(run(HEAD, "job_h1", angry, true),
					List.of(turn(1, Speaker.USER, "Hi <script>alert(1)</script> there"))));
		String html = this.mvc
			.perform(get(DIFF).param("baseBatch", BASE)
				.param("baseJob", "job_b1")
				.param("headBatch", HEAD)
				.param("headJob", "job_h1"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).doesNotContain("<script>", "<b>", "</b>").contains("&lt;", "&gt;");
		Document page = Jsoup.parse(html);
		assertThat(page.select(".diff script, .diff b")).isEmpty();
		assertThat(page.select(".diff-row.changed .text").stream().map(Element::wholeText))
			.containsExactly("Hi <b>there</b>", "Hi <script>alert(1)</script> there");
		assertThat(page.select(".diff-row.changed ins").eachText()).contains("script", "alert(1)");
	}

	@Test
	void diffWhenATranscriptIsMissingThenSaysSoAndAlignsNothing() throws Exception {
		TestCase angry = testCase("tc_angry", "Angry Customer");
		given(this.catalog.run(Fixtures.AGENT, Id.of(BASE), Id.of("job_b1")))
			.willReturn(new RunDetail(run(BASE, "job_b1", angry, true), Transcript.none(),
					"SigmaMind sent no conversation and no chat ID for this run.", null, null));
		given(this.catalog.run(Fixtures.AGENT, Id.of(HEAD), Id.of("job_h1")))
			.willReturn(detail(run(HEAD, "job_h1", angry, true), List.of(turn(1, Speaker.USER, "Hello"))));
		Document page = Jsoup
			.parse(this.mvc
				.perform(get(DIFF).param("baseBatch", BASE)
					.param("baseJob", "job_b1")
					.param("headBatch", HEAD)
					.param("headJob", "job_h1"))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(page.text()).contains("Base run: SigmaMind sent no conversation");
		assertThat(page.select(".diff-row")).isEmpty();
	}

	private static String count(Document page, String css) {
		Element stat = page.selectFirst(".stat." + css + " .value");
		assertThat(stat).as("stat " + css).isNotNull();
		return stat.text();
	}

	private static Element row(Document page, String testCaseId) {
		Element row = page.selectFirst("tr[data-test-case=" + testCaseId + "]");
		assertThat(row).as("row " + testCaseId).isNotNull();
		return row;
	}

	private static String groupOf(Document page, String testCaseId) {
		return row(page, testCaseId).closest("section.compare-group")
			.classNames()
			.stream()
			.filter((name) -> !name.equals("compare-group"))
			.findFirst()
			.orElseThrow();
	}

	private static List<String> warnings(Document page, String testCaseId) {
		return row(page, testCaseId).select(".warning").eachText();
	}

	private static TestCase testCase(String id, String label) {
		return Fixtures.testCase(id, label);
	}

	private static TestCase withPrompt(TestCase c, String prompt) {
		return new TestCase(c.id(), c.label(), c.agentId(), c.model(), c.mockData(), prompt, c.attempts(),
				c.successCriteria());
	}

	private static TestCase withCriteria(TestCase c, String criteria) {
		return new TestCase(c.id(), c.label(), c.agentId(), c.model(), c.mockData(), c.userPrompt(), c.attempts(),
				criteria);
	}

	private static TestCase withModel(TestCase c, String model) {
		return new TestCase(c.id(), c.label(), c.agentId(), model,
				List.of(new MockVariable("customer_name", "John Doe")), c.userPrompt(), c.attempts(),
				c.successCriteria());
	}

	private static int sequence = 0;

	private static Run run(String batchId, String jobId, TestCase testCase, Boolean successful) {
		Instant created = T.plusSeconds(sequence++);
		return new Run(jobId, batchId, Fixtures.agent(), testCase, "chat_1", created,
				(successful != null) ? created.plusSeconds(60) : null, Verdict.of(successful),
				(successful != null) ? "Remarks on " + jobId : null, Conversation.NONE);
	}

	private static Batch batch(String batchId, int passed, int failed, List<TestCase> testCases) {
		return new Batch(batchId, Fixtures.agent(), T, testCases, passed, failed, passed + failed);
	}

	private static BatchRuns batchRuns(String batchId, int passed, int failed, List<TestCase> testCases,
			List<Run> runs) {
		return new BatchRuns(Fixtures.fresh(batch(batchId, passed, failed, testCases)),
				Fixtures.fresh(RunList.listed(runs)));
	}

	private static AgentBatches agentBatches(List<Batch> batches, boolean more) {
		return new AgentBatches(Fixtures.fresh(Fixtures.agent()),
				Fixtures.fresh(new Page<>(new ArrayList<>(batches), more, null, null)));
	}

	private static Turn turn(int number, Speaker speaker, String text) {
		return new Turn(number, speaker, (speaker == Speaker.AGENT) ? "assistant" : "user", "message", text);
	}

	private static RunDetail detail(Run run, List<Turn> turns) {
		return new RunDetail(run, new Transcript(turns, Conversation.Source.RUN), null, null, null);
	}

}
