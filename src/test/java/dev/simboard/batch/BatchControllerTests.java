package dev.simboard.batch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.simboard.Fixtures;
import dev.simboard.catalog.BatchRuns;
import dev.simboard.catalog.CacheProperties;
import dev.simboard.catalog.Catalog;
import dev.simboard.catalog.PinOutcome;
import dev.simboard.catalog.PinnedBatch;
import dev.simboard.catalog.Pins;
import dev.simboard.catalog.RefreshOutcome;
import dev.simboard.catalog.RunList;
import dev.simboard.sigmamind.SigmaMindNotFoundException;
import dev.simboard.model.Id;
import dev.simboard.model.TestCase;
import dev.simboard.review.Reviews;
import dev.simboard.web.PageTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PageTest(BatchController.class)
@Import(RunListViews.class)
@EnableConfigurationProperties(CacheProperties.class)
@WithMockUser
class BatchControllerTests {

	private static final String URL = "/agents/" + Fixtures.AGENT_ID + "/batches/" + Fixtures.BATCH_ID;

	private static final TestCase ANGRY = Fixtures.testCase("tc_angry", "Angry Customer - Cancellation Flow");

	private static final TestCase REFUND = Fixtures.testCase("tc_refund", "Refund outside 30-day window");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private Catalog catalog;

	@MockitoBean
	private Pins pins;

	/** No reviews: the review pages have tests of their own, on a real database. */
	@MockitoBean
	private Reviews reviews;

	@Test
	void batchPageShowsCountsPassRateAndRunsByTestCaseAndAttempt() throws Exception {
		Instant t = Fixtures.CREATED;
		given(this.catalog.batchRuns(Fixtures.AGENT, Fixtures.BATCH))
			.willReturn(new BatchRuns(Fixtures.fresh(Fixtures.batch(3, 1, 5, List.of(ANGRY, REFUND))),
					Fixtures.fresh(
							RunList.listed(List.of(Fixtures.run("job_r2", REFUND, null, t.plusSeconds(60), List.of()),
									Fixtures.run("job_a2", ANGRY, false, t.plusSeconds(30), List.of()),
									Fixtures.run("job_a1", ANGRY, true, t, List.of()),
									Fixtures.run("job_r1", REFUND, true, t, List.of()))))));
		String page = this.mvc.perform(get(URL))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("75%")))
			.andExpect(content().string(containsString("Not judged yet")))
			.andExpect(content().string(containsString("verdict running")))
			.andExpect(content().string(containsString("The agent confirms the cancellation")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// Ordered by label, then attempt: a1, a2, r1, r2.
		int table = page.indexOf("<table class=\"table runs");
		int a1 = page.indexOf("job_a1", table);
		int a2 = page.indexOf("job_a2", table);
		int r1 = page.indexOf("job_r1", table);
		int r2 = page.indexOf("job_r2", table);
		org.assertj.core.api.Assertions.assertThat(List.of(a1, a2, r1, r2)).isSorted().doesNotContain(-1);
		org.assertj.core.api.Assertions.assertThat(page)
			.contains("/agents/" + Fixtures.AGENT_ID + "/batches/" + Fixtures.BATCH_ID + "/runs/job_a2");
	}

	@Test
	void batchPageWhenRunsUnlistedThenShowsCountsTestCasesAndOpenRunForm() throws Exception {
		given(this.catalog.batchRuns(Fixtures.AGENT, Fixtures.BATCH)).willReturn(new BatchRuns(
				Fixtures.fresh(Fixtures.batch(7, 3, 12, List.of(ANGRY, REFUND))), Fixtures.fresh(RunList.unlisted())));
		this.mvc.perform(get(URL))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("SigmaMind does not list the runs")))
			.andExpect(content().string(containsString("70%")))
			.andExpect(content().string(containsString("Refund outside 30-day window")))
			.andExpect(content().string(containsString("name=\"jobId\"")))
			.andExpect(content().string(not(containsString("class=\"table runs\""))));
	}

	@Test
	void batchPageWhenMeterCannotBeDrawnThenItsTextIsThePassRate() throws Exception {
		given(this.catalog.batchRuns(Fixtures.AGENT, Fixtures.BATCH)).willReturn(new BatchRuns(
				Fixtures.fresh(Fixtures.batch(7, 5, 12, List.of(ANGRY))), Fixtures.fresh(RunList.unlisted())));
		String page = this.mvc.perform(get(URL))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document html = org.jsoup.Jsoup.parse(page);
		org.assertj.core.api.Assertions.assertThat(html.select("meter").attr("value")).isEqualTo("58");
		org.assertj.core.api.Assertions.assertThat(html.select("meter").text()).isEqualTo("58%");
	}

	@Test
	void batchPageWhenNoVerdictYetThenMeterTextSaysSo() throws Exception {
		given(this.catalog.batchRuns(Fixtures.AGENT, Fixtures.BATCH)).willReturn(new BatchRuns(
				Fixtures.fresh(Fixtures.batch(0, 0, 12, List.of(ANGRY))), Fixtures.fresh(RunList.unlisted())));
		String page = this.mvc.perform(get(URL))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.assertj.core.api.Assertions.assertThat(org.jsoup.Jsoup.parse(page).select("meter").text())
			.isEqualTo("no verdicts yet");
	}

	@Test
	void batchPageWhenHundredsOfTestCasesThenOffersOnlyThePickedOneAndTablesTheFirstHundred() throws Exception {
		List<TestCase> testCases = IntStream.range(0, 250)
			.mapToObj((i) -> Fixtures.testCase("tc_" + i, "Case " + i))
			.toList();
		Instant t = Fixtures.CREATED;
		given(this.catalog.batchRuns(Fixtures.AGENT, Fixtures.BATCH)).willReturn(new BatchRuns(
				Fixtures.fresh(Fixtures.batch(1, 0, 250, testCases)),
				Fixtures.fresh(RunList.listed(List.of(Fixtures.run("job_7", testCases.get(7), true, t, List.of()))))));
		String page = this.mvc.perform(get(URL).param("testCase", "tc_7"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document html = org.jsoup.Jsoup.parse(page);
		org.assertj.core.api.Assertions.assertThat(html.select("select[name=testCase] option").eachText())
			.containsExactly("All", "Case 7", "250 test cases: find one by name with Text");
		org.assertj.core.api.Assertions.assertThat(html.select("select[name=testCase] option[selected]").text())
			.isEqualTo("Case 7");
		org.assertj.core.api.Assertions.assertThat(html.select("section[aria-labelledby=cases-heading] tbody tr"))
			.hasSize(BatchPages.TABLE_ROWS);
		org.assertj.core.api.Assertions.assertThat(html.select("#cases-heading").text()).contains("(250)");
		org.assertj.core.api.Assertions.assertThat(page).contains("The first 100 of 250 test cases");
	}

	@Test
	void batchPageWhenFewTestCasesThenOffersEveryOne() throws Exception {
		given(this.catalog.batchRuns(Fixtures.AGENT, Fixtures.BATCH))
			.willReturn(new BatchRuns(Fixtures.fresh(Fixtures.batch(0, 0, 2, List.of(ANGRY, REFUND))),
					Fixtures.fresh(RunList.listed(List.of()))));
		String page = this.mvc.perform(get(URL))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.assertj.core.api.Assertions
			.assertThat(org.jsoup.Jsoup.parse(page).select("select[name=testCase] option").eachText())
			.containsExactly("All", ANGRY.label(), REFUND.label());
	}

	@Test
	void batchPageWhenBatchUnknownThenShowsNotFoundNamingIt() throws Exception {
		given(this.catalog.batchRuns(any(), any()))
			.willThrow(new SigmaMindNotFoundException("GET /v1/batch-runs/{batchId}", 404));
		this.mvc.perform(get(URL))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("no batch run " + Fixtures.BATCH_ID)));
	}

	@Test
	void batchPageWhenFilteredByFailedThenListsOnlyFailedRunsAndSaysHowMany() throws Exception {
		Instant t = Fixtures.CREATED;
		given(this.catalog.batchRuns(Fixtures.AGENT, Fixtures.BATCH))
			.willReturn(new BatchRuns(Fixtures.fresh(Fixtures.batch(2, 1, 3, List.of(ANGRY, REFUND))),
					Fixtures.fresh(RunList.listed(List.of(Fixtures.run("job_a1", ANGRY, true, t, List.of()),
							Fixtures.run("job_a2", ANGRY, false, t.plusSeconds(30), List.of()),
							Fixtures.run("job_r1", REFUND, true, t, List.of()))))));
		String page = this.mvc.perform(get(URL).param("outcome", "failed"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("(1 of 3 match)")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.assertj.core.api.Assertions.assertThat(org.jsoup.Jsoup.parse(page).select("table.runs tbody tr"))
			.singleElement()
			.satisfies((row) -> org.assertj.core.api.Assertions.assertThat(row.text()).contains("job_a2", "Failed"));
		org.assertj.core.api.Assertions.assertThat(page).contains("/runs/job_a2?outcome=failed");
	}

	@Test
	void batchPageWhenFormSendsEmptyChoicesThenTreatsThemAsAll() throws Exception {
		given(this.catalog.batchRuns(Fixtures.AGENT, Fixtures.BATCH))
			.willReturn(new BatchRuns(Fixtures.fresh(Fixtures.batch(1, 0, 1, List.of(ANGRY))), Fixtures
				.fresh(RunList.listed(List.of(Fixtures.run("job_a1", ANGRY, true, Fixtures.CREATED, List.of()))))));
		this.mvc.perform(get(URL).param("outcome", "").param("testCase", "").param("q", "").param("sort", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("job_a1")));
	}

	@Test
	void batchPageWhenQueryParameterWrongThenPageNamesItAndWhatItTakes() throws Exception {
		String[][] cases = { { "page", "abc", "In this address, page must be a whole number" },
				{ "sort", "bogus", "In this address, sort must be label, outcome, duration or created" },
				{ "outcome", "weird", "In this address, outcome must be passed, failed, running or unjudged" },
				{ "q", "x".repeat(201), "In this address, q must be at most 200 characters" } };
		for (String[] wrong : cases) {
			this.mvc.perform(get(URL).param(wrong[0], wrong[1]))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString(wrong[2])))
				.andExpect(content().string(not(containsString("an ID Simboard can"))));
		}
		verifyNoInteractions(this.catalog);
	}

	@Test
	void batchPageWhenBatchIdMalformedThenPageSaysTheBatchRunIdIsWrong() throws Exception {
		this.mvc.perform(get("/agents/" + Fixtures.AGENT_ID + "/batches/a.b"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The batch run ID in this address must be a SigmaMind ID")));
	}

	@Test
	void batchPageWhenTestCaseMalformedThenPageNamesTestCaseAndWhatItTakes() throws Exception {
		this.mvc.perform(get(URL).param("testCase", "tc.1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("In this address, testCase must be a SigmaMind ID")))
			.andExpect(content().string(not(containsString("whole number"))));
		verifyNoInteractions(this.catalog);
	}

	@Test
	void batchPageWhenQueryParametersInvalidThenBadRequestWithoutAskingSigmaMind() throws Exception {
		this.mvc.perform(get(URL).param("outcome", "exploded")).andExpect(status().isBadRequest());
		this.mvc.perform(get(URL).param("sort", "password")).andExpect(status().isBadRequest());
		this.mvc.perform(get(URL).param("page", "abc")).andExpect(status().isBadRequest());
		this.mvc.perform(get(URL).param("page", "100001")).andExpect(status().isBadRequest());
		this.mvc.perform(get(URL).param("q", "x".repeat(201))).andExpect(status().isBadRequest());
		this.mvc.perform(get(URL).param("testCase", "../x")).andExpect(status().isBadRequest());
		verifyNoInteractions(this.catalog);
	}

	@Test
	void liveWhenRunningThenAnswersOnlyTheLivePartAskingAgainWithTheSameFilters() throws Exception {
		given(this.catalog.batchRuns(Fixtures.AGENT, Fixtures.BATCH)).willReturn(new BatchRuns(
				Fixtures.fresh(Fixtures.batch(1, 0, 4, List.of(ANGRY))), Fixtures.fresh(RunList.listed(List.of()))));
		String live = this.mvc.perform(get(URL + "/live").param("outcome", "failed").param("q", "a b"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.assertj.core.api.Assertions.assertThat(live)
			.startsWith("<div id=\"live\"")
			.contains("data-running=\"true\"")
			.doesNotContain("<html");
		Element part = org.jsoup.Jsoup.parse(live).selectFirst("#live");
		org.assertj.core.api.Assertions.assertThat(part.attr("data-hx-get"))
			.isEqualTo(URL + "/live?outcome=failed&q=a%20b");
		org.assertj.core.api.Assertions.assertThat(part.attr("data-hx-trigger")).isEqualTo("every 10s");
		org.assertj.core.api.Assertions.assertThat(part.attr("data-hx-swap")).isEqualTo("outerHTML");
		org.assertj.core.api.Assertions.assertThat(part.select("[data-hx-swap-oob]")).isEmpty();
	}

	@Test
	void liveWhenFinishedThenAsksNoMoreAndTellsScreenReadersOnce() throws Exception {
		given(this.catalog.batchRuns(Fixtures.AGENT, Fixtures.BATCH)).willReturn(new BatchRuns(
				Fixtures.fresh(Fixtures.batch(3, 1, 4, List.of(ANGRY))), Fixtures.fresh(RunList.listed(List.of()))));
		String live = this.mvc.perform(get(URL + "/live"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Element part = org.jsoup.Jsoup.parse(live).selectFirst("#live");
		org.assertj.core.api.Assertions.assertThat(part.attr("data-running")).isEqualTo("false");
		org.assertj.core.api.Assertions.assertThat(part.hasAttr("data-hx-get")).isFalse();
		org.assertj.core.api.Assertions.assertThat(part.hasAttr("data-hx-trigger")).isFalse();
		org.assertj.core.api.Assertions.assertThat(part.select("[data-hx-swap-oob]"))
			.singleElement()
			.satisfies((announcement) -> {
				org.assertj.core.api.Assertions.assertThat(announcement.attr("data-hx-swap-oob"))
					.isEqualTo("innerHTML:#announcer");
				org.assertj.core.api.Assertions.assertThat(announcement.text()).isEqualTo("The batch has finished.");
			});
	}

	@Test
	void batchPageWhenRunningThenAsksForItsLivePartAndAnnouncesNothing() throws Exception {
		given(this.catalog.batchRuns(Fixtures.AGENT, Fixtures.BATCH)).willReturn(new BatchRuns(
				Fixtures.fresh(Fixtures.batch(1, 0, 4, List.of(ANGRY))), Fixtures.fresh(RunList.listed(List.of()))));
		Document page = org.jsoup.Jsoup.parse(this.mvc.perform(get(URL).param("sort", "-duration"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		org.assertj.core.api.Assertions.assertThat(page.selectFirst("#live").attr("data-hx-get"))
			.isEqualTo(URL + "/live?sort=-duration");
		org.assertj.core.api.Assertions.assertThat(page.selectFirst("#live").attr("data-hx-trigger"))
			.isEqualTo("every 10s");
		org.assertj.core.api.Assertions.assertThat(page.select("[data-hx-swap-oob]")).isEmpty();
		org.assertj.core.api.Assertions.assertThat(page.select("script[src*=/webjars/htmx.org/]")).hasSize(1);
	}

	@Test
	void batchPageWhenFinishedThenNeverAsksForUpdates() throws Exception {
		given(this.catalog.batchRuns(Fixtures.AGENT, Fixtures.BATCH)).willReturn(new BatchRuns(
				Fixtures.fresh(Fixtures.batch(3, 1, 4, List.of(ANGRY))), Fixtures.fresh(RunList.listed(List.of()))));
		Document page = org.jsoup.Jsoup.parse(
				this.mvc.perform(get(URL)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		org.assertj.core.api.Assertions.assertThat(page.select("[data-hx-get], [data-hx-trigger], [data-hx-swap-oob]"))
			.isEmpty();
	}

	@Test
	@WithAnonymousUser
	void liveWhenSignedOutThenUnauthorizedRatherThanTheLoginPage() throws Exception {
		this.mvc.perform(get(URL + "/live").header("HX-Request", "true"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist("Location"))
			.andExpect(content().string(""))
			// Sign-in will not return to a part of a page.
			.andExpect(request().sessionAttributeDoesNotExist("SPRING_SECURITY_SAVED_REQUEST"));
		// A page, or the same address opened in a tab, still leads to the login page.
		this.mvc.perform(get(URL + "/live")).andExpect(redirectedUrl("/login"));
		verifyNoInteractions(this.catalog);
	}

	@Test
	void refreshWhenPostedWithCsrfThenReloadsAndSaysSo() throws Exception {
		given(this.catalog.refreshBatch(Fixtures.AGENT, Fixtures.BATCH)).willReturn(RefreshOutcome.TOO_SOON);
		this.mvc.perform(post(URL + "/refresh").with(csrf()))
			.andExpect(redirectedUrl(URL))
			.andExpect(flash().attribute("flash", containsString("moments ago")));
	}

	@Test
	void refreshWhenNoCsrfTokenThenForbiddenAndNothingReloaded() throws Exception {
		this.mvc.perform(post(URL + "/refresh")).andExpect(status().isForbidden());
		this.mvc.perform(get(URL + "/refresh")).andExpect(status().isMethodNotAllowed());
		verifyNoInteractions(this.catalog);
	}

	@Test
	void openRunWhenJobIdGivenThenRedirectsToRunPermalink() throws Exception {
		this.mvc.perform(get(URL + "/runs").param("jobId", "job_abc-1"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(URL + "/runs/job_abc-1"));
	}

	@Test
	void openRunWhenJobIdHostileThenBadRequest() throws Exception {
		for (String jobId : List.of("../x", "a b", "", "job_1?x=1")) {
			this.mvc.perform(get(URL + "/runs").param("jobId", jobId)).andExpect(status().isBadRequest());
		}
		verifyNoInteractions(this.catalog);
	}

	@Test
	void openRunWhenJobIdMalformedOrEmptyThenPageSaysWhatAJobIdIs() throws Exception {
		for (String jobId : List.of("job.1", "")) {
			this.mvc.perform(get(URL + "/runs").param("jobId", jobId))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("In this address, jobId must be a SigmaMind ID")));
		}
		verifyNoInteractions(this.catalog);
	}

	@Test
	void batchPageWhenShownThenOpenRunFieldChecksTheIdRuleAsYouType() throws Exception {
		given(this.catalog.batchRuns(Fixtures.AGENT, Fixtures.BATCH)).willReturn(new BatchRuns(
				Fixtures.fresh(Fixtures.batch(1, 0, 1, List.of(ANGRY))), Fixtures.fresh(RunList.unlisted())));
		String page = this.mvc.perform(get(URL))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Element field = org.jsoup.Jsoup.parse(page).selectFirst("input[name=jobId]");
		org.assertj.core.api.Assertions.assertThat(field.attr("pattern")).isEqualTo(Id.REGEXP);
	}

	// --- pinned baselines

	private static final Instant PINNED_AT = Instant.parse("2026-03-27T09:15:00Z");

	private static PinnedBatch pinned(String name, int known, int archived, boolean archiving) {
		return new PinnedBatch(Fixtures.AGENT, Fixtures.BATCH, name, "ann", PINNED_AT, known, archived, archiving);
	}

	private void finishedBatch() {
		given(this.catalog.batchRuns(Fixtures.AGENT, Fixtures.BATCH)).willReturn(new BatchRuns(
				Fixtures.fresh(Fixtures.batch(3, 1, 4, List.of(ANGRY))), Fixtures.fresh(RunList.listed(List.of()))));
	}

	private Document page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return org.jsoup.Jsoup
			.parse(this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void batchPageWhenAdminAndNotPinnedThenOffersAFormThatPostsANameWithCsrf() throws Exception {
		finishedBatch();
		Element form = page(get(URL)).selectFirst("form.pin-form");
		org.assertj.core.api.Assertions.assertThat(form.attr("method")).isEqualTo("post");
		org.assertj.core.api.Assertions.assertThat(form.attr("action")).isEqualTo(URL + "/pin");
		org.assertj.core.api.Assertions.assertThat(form.select("input[name=_csrf]").attr("value")).isNotBlank();
		Element name = form.selectFirst("input[name=name]");
		org.assertj.core.api.Assertions.assertThat(name.hasAttr("required")).isTrue();
		org.assertj.core.api.Assertions.assertThat(name.attr("maxlength"))
			.isEqualTo(String.valueOf(Pins.MAX_NAME_LENGTH));
		org.assertj.core.api.Assertions.assertThat(form.select("label[for=pin-name]").text())
			.isEqualTo("Pin as a baseline");
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void batchPageWhenViewerThenNeitherPinFormNorUnpinLink() throws Exception {
		finishedBatch();
		org.assertj.core.api.Assertions.assertThat(page(get(URL)).select("form.pin-form, a.unpin")).isEmpty();
		given(this.pins.find(Fixtures.AGENT, Fixtures.BATCH))
			.willReturn(Optional.of(pinned("release 2.3", 4, 4, false)));
		Document pinnedPage = page(get(URL));
		org.assertj.core.api.Assertions.assertThat(pinnedPage.select(".pin-name").text()).isEqualTo("release 2.3");
		org.assertj.core.api.Assertions.assertThat(pinnedPage.select("form.pin-form, a.unpin")).isEmpty();
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void pinAndUnpinWhenViewerThenForbiddenAndNothingChanges() throws Exception {
		this.mvc.perform(post(URL + "/pin").with(csrf()).param("name", "release 2.3"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(URL + "/unpin")).andExpect(status().isForbidden());
		this.mvc.perform(post(URL + "/unpin").with(csrf())).andExpect(status().isForbidden());
		verifyNoInteractions(this.pins, this.catalog);
	}

	@Test
	@WithMockUser(username = "ann", roles = "ADMIN")
	void pinWhenAdminPostsANameWithCsrfThenPinsItAsTypedTidiedAndSaysSo() throws Exception {
		given(this.pins.pin(Fixtures.AGENT, Fixtures.BATCH, "release 2.3", "ann")).willReturn(PinOutcome.PINNED);
		this.mvc.perform(post(URL + "/pin").with(csrf()).param("name", "  release\t2.3 "))
			.andExpect(redirectedUrl(URL))
			.andExpect(flash().attribute("flash", containsString("Pinned as \"release 2.3\"")));
		then(this.pins).should().pin(Fixtures.AGENT, Fixtures.BATCH, "release 2.3", "ann");
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void pinWhenPinnedAlreadyOrArchiveDownThenSaysSo() throws Exception {
		given(this.pins.pin(any(), any(), anyString(), anyString())).willReturn(PinOutcome.ALREADY_PINNED,
				PinOutcome.ARCHIVE_DOWN);
		this.mvc.perform(post(URL + "/pin").with(csrf()).param("name", "again"))
			.andExpect(flash().attribute("flash", containsString("pinned already; its name stays")));
		this.mvc.perform(post(URL + "/pin").with(csrf()).param("name", "again"))
			.andExpect(flash().attribute("flash", containsString("not pinned")));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void pinWhenNoCsrfTokenThenForbiddenAndNothingPinned() throws Exception {
		this.mvc.perform(post(URL + "/pin").param("name", "release 2.3")).andExpect(status().isForbidden());
		this.mvc.perform(post(URL + "/unpin")).andExpect(status().isForbidden());
		verifyNoInteractions(this.pins);
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void pinWhenNameBlankMissingOrTooLongThenNothingPinnedAndSaysWhatANameTakes() throws Exception {
		for (String name : List.of(" \n ", "x".repeat(Pins.MAX_NAME_LENGTH + 1))) {
			this.mvc.perform(post(URL + "/pin").with(csrf()).param("name", name))
				.andExpect(redirectedUrl(URL))
				.andExpect(flash().attribute("flash", containsString("1 to 200 characters")));
		}
		this.mvc.perform(post(URL + "/pin").with(csrf())).andExpect(redirectedUrl(URL));
		then(this.pins).should(never()).pin(any(), any(), any(), any());
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void batchPageWhenPinnedThenShowsNameWhoWhenAndProgressAskingAgainWhileArchiving() throws Exception {
		finishedBatch();
		given(this.pins.find(Fixtures.AGENT, Fixtures.BATCH))
			.willReturn(Optional.of(pinned("<b>x</b>", 480, 120, true)));
		String html = this.mvc.perform(get(URL)).andReturn().getResponse().getContentAsString();
		Element pin = org.jsoup.Jsoup.parse(html).selectFirst("#pin");
		org.assertj.core.api.Assertions.assertThat(html).contains("&lt;b&gt;x&lt;/b&gt;").doesNotContain("<b>x</b>");
		org.assertj.core.api.Assertions.assertThat(pin.select(".pin-name").text()).isEqualTo("<b>x</b>");
		org.assertj.core.api.Assertions.assertThat(pin.select(".pin-name b")).isEmpty();
		org.assertj.core.api.Assertions.assertThat(pin.select(".pinned-by").text()).isEqualTo("ann");
		org.assertj.core.api.Assertions.assertThat(pin.select("time").attr("datetime"))
			.isEqualTo("2026-03-27T09:15:00Z");
		org.assertj.core.api.Assertions.assertThat(pin.select(".pin-progress").text())
			.isEqualTo("Archiving: 120 of 480 runs");
		org.assertj.core.api.Assertions.assertThat(pin.attr("data-hx-get")).isEqualTo(URL + "/pin/progress");
		org.assertj.core.api.Assertions.assertThat(pin.attr("data-hx-trigger")).isEqualTo("every 10s");
		org.assertj.core.api.Assertions.assertThat(pin.select("a.unpin").attr("href")).isEqualTo(URL + "/unpin");
		org.assertj.core.api.Assertions.assertThat(pin.select("form.pin-form")).isEmpty();
	}

	@Test
	void pinProgressWhenAllArchivedThenSaysSoAndAsksNoMore() throws Exception {
		given(this.pins.find(Fixtures.AGENT, Fixtures.BATCH))
			.willReturn(Optional.of(pinned("release 2.3", 480, 480, false)));
		String part = this.mvc.perform(get(URL + "/pin/progress"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.assertj.core.api.Assertions.assertThat(part).startsWith("<div id=\"pin\"").doesNotContain("<html");
		Element pin = org.jsoup.Jsoup.parse(part).selectFirst("#pin");
		org.assertj.core.api.Assertions.assertThat(pin.select(".pin-progress").text())
			.isEqualTo("All 480 runs archived");
		org.assertj.core.api.Assertions.assertThat(pin.hasAttr("data-hx-get")).isFalse();
		org.assertj.core.api.Assertions.assertThat(pin.hasAttr("data-hx-trigger")).isFalse();
	}

	@Test
	void pinProgressWhenTheBatchStillRunsThenSaysItsRunsWaitForItsEnd() throws Exception {
		given(this.catalog.batchRuns(Fixtures.AGENT, Fixtures.BATCH)).willReturn(new BatchRuns(
				Fixtures.fresh(Fixtures.batch(1, 0, 4, List.of(ANGRY))), Fixtures.fresh(RunList.listed(List.of()))));
		given(this.pins.find(Fixtures.AGENT, Fixtures.BATCH)).willReturn(Optional.of(pinned("nightly", 4, 1, true)));
		Element pin = page(get(URL + "/pin/progress")).selectFirst("#pin");
		org.assertj.core.api.Assertions.assertThat(pin.select(".pin-progress").text())
			.isEqualTo("Archiving once the batch has finished: 1 of 4 runs so far");
		org.assertj.core.api.Assertions.assertThat(pin.attr("data-hx-trigger")).isEqualTo("every 10s");
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void unpinWhenAskedThenAConfirmationPageNamesThePinAndPostsWithCsrf() throws Exception {
		given(this.pins.find(Fixtures.AGENT, Fixtures.BATCH))
			.willReturn(Optional.of(pinned("<b>x</b>", 480, 480, false)));
		String html = this.mvc.perform(get(URL + "/unpin"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = org.jsoup.Jsoup.parse(html);
		org.assertj.core.api.Assertions.assertThat(html).doesNotContain("<b>x</b>");
		org.assertj.core.api.Assertions.assertThat(page.select("p.confirm").text())
			.isEqualTo("Unpin <b>x</b>? Its runs stay archived, but the retention may drop them.");
		Element form = page.selectFirst("form.unpin-form");
		org.assertj.core.api.Assertions.assertThat(form.attr("method")).isEqualTo("post");
		org.assertj.core.api.Assertions.assertThat(form.attr("action")).isEqualTo(URL + "/unpin");
		org.assertj.core.api.Assertions.assertThat(form.select("input[name=_csrf]").attr("value")).isNotBlank();
		org.assertj.core.api.Assertions.assertThat(form.select("a").attr("href")).isEqualTo(URL);
		then(this.pins).should(never()).unpin(any(), any());
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void unpinWhenConfirmedThenUnpinsAndSaysItsRunsStayArchived() throws Exception {
		given(this.pins.find(Fixtures.AGENT, Fixtures.BATCH))
			.willReturn(Optional.of(pinned("release 2.3", 480, 480, false)));
		given(this.pins.unpin(Fixtures.AGENT, Fixtures.BATCH)).willReturn(PinOutcome.UNPINNED);
		this.mvc.perform(post(URL + "/unpin").with(csrf()))
			.andExpect(redirectedUrl(URL))
			.andExpect(flash().attribute("flash", containsString("Unpinned \"release 2.3\". Its runs stay archived")));
		then(this.pins).should().unpin(Fixtures.AGENT, Fixtures.BATCH);
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void unpinWhenNotPinnedThenBackToTheBatchSayingSo() throws Exception {
		this.mvc.perform(get(URL + "/unpin"))
			.andExpect(redirectedUrl(URL))
			.andExpect(flash().attribute("flash", "This batch is not pinned."));
		this.mvc.perform(post(URL + "/unpin").with(csrf()))
			.andExpect(redirectedUrl(URL))
			.andExpect(flash().attribute("flash", "This batch was not pinned."));
		then(this.pins).should(never()).unpin(any(), any());
	}

}
