package dev.simboard.search;

import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.simboard.Fixtures;
import dev.simboard.catalog.ArchiveSearch;
import dev.simboard.catalog.SearchResults;
import dev.simboard.catalog.SearchResults.Hit;
import dev.simboard.catalog.SearchResults.Kind;
import dev.simboard.catalog.SearchResults.Match;
import dev.simboard.catalog.SearchResults.Part;
import dev.simboard.catalog.SearchResults.Status;
import dev.simboard.model.Id;
import dev.simboard.model.Verdict;
import dev.simboard.web.PageTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@PageTest(SearchController.class)
@WithMockUser
@ExtendWith(OutputCaptureExtension.class)
class SearchControllerTests {

	private static final String URL = "/agents/" + Fixtures.AGENT_ID + "/search";

	private static final String RUN = "/agents/" + Fixtures.AGENT_ID + "/batches/" + Fixtures.BATCH_ID + "/runs/"
			+ Fixtures.JOB_ID;

	private static final Instant BATCH_START = Instant.parse("2026-03-26T10:50:00Z");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private ArchiveSearch search;

	private void givenFound(String query, boolean capped, Hit... hits) {
		given(this.search.search(eq(Fixtures.AGENT), eq(query), any()))
			.willReturn(SearchResults.found(query, List.of(hits), capped));
	}

	private static Hit hit(String jobId, String batchId, String testCaseId, String label, Verdict verdict,
			int matchCount, Match... matches) {
		return new Hit(jobId, batchId, testCaseId, label, verdict, BATCH_START.plusSeconds(60), BATCH_START, matchCount,
				List.of(matches));
	}

	private static Match message(int number, String speaker, Part... parts) {
		return new Match(Kind.MESSAGE, number, speaker, List.of(parts));
	}

	private static Part text(String text) {
		return new Part(text, false);
	}

	private static Part marked(String text) {
		return new Part(text, true);
	}

	private Document page(String url, String... params) throws Exception {
		var request = get(url);
		for (int i = 0; i < params.length; i += 2) {
			request = request.param(params[i], params[i + 1]);
		}
		String html = this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(view().name("search/search"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

	@Test
	void searchPageWhenQueryMatchesThenGroupsByRunWithHighlightedSnippets() throws Exception {
		givenFound("refund", false,
				hit(Fixtures.JOB_ID, Fixtures.BATCH_ID, "tc_1", "Angry Customer - Refund", Verdict.FAILED, 7,
						message(4, "assistant", text("I can't offer a "), marked("refund"), text(" today.")),
						new Match(Kind.REMARKS, 0, null,
								List.of(text("No "), marked("refund"), text(" was offered.")))),
				hit("job_2", "batch_older", null, null, Verdict.PASSED, 1,
						message(2, "user", marked("Refund"), text(" please."))));

		Document page = page(URL, "q", "refund");

		assertThat(page.select("li.hit")).hasSize(2);
		Element first = page.selectFirst("li.hit");
		assertThat(first.selectFirst(".hit-label").text()).isEqualTo("Angry Customer - Refund");
		assertThat(first.selectFirst(".hit-label").attr("href")).isEqualTo(RUN);
		assertThat(first.selectFirst(".verdict").text()).isEqualTo("Failed");
		assertThat(first.text()).contains("7 matches", "and 5 more in this run", "2026-03-26 10:50:00 UTC");
		assertThat(first.select("a[href]").eachAttr("href"))
			.contains("/agents/" + Fixtures.AGENT_ID + "/batches/" + Fixtures.BATCH_ID, RUN, RUN + "#m4");
		assertThat(first.select(".matches li")).hasSize(2);
		Element message = first.selectFirst(".matches li");
		assertThat(message.selectFirst(".where").text()).isEqualTo("Message 4 · Agent");
		assertThat(message.selectFirst(".where").attr("href")).isEqualTo(RUN + "#m4");
		assertThat(message.selectFirst(".snippet").text()).isEqualTo("I can't offer a refund today.");
		assertThat(message.select("mark").eachText()).containsExactly("refund");
		Element remarks = first.select(".matches li").get(1);
		assertThat(remarks.selectFirst(".where").text()).isEqualTo("Judge's remarks");
		assertThat(remarks.selectFirst(".where").attr("href")).isEqualTo(RUN);

		Element second = page.select("li.hit").get(1);
		assertThat(second.selectFirst(".hit-label").text()).isEqualTo("—");
		assertThat(second.selectFirst(".verdict").text()).isEqualTo("Passed");
		assertThat(second.text()).contains("1 match").doesNotContain("1 matches", "more in this run");
		assertThat(second.selectFirst(".where").text()).isEqualTo("Message 2 · Simulated user");
		assertThat(second.selectFirst(".where").attr("href"))
			.isEqualTo("/agents/" + Fixtures.AGENT_ID + "/batches/batch_older/runs/job_2#m2");
		assertThat(page.selectFirst("#results-heading").text()).contains("2 runs match.");
		assertThat(page.selectFirst("input[name=q]").val()).isEqualTo("refund");
		assertThat(page.select("nav.crumbs li").eachText()).containsExactly("Agents", Fixtures.AGENT_ID, "Search");
	}

	@Test
	void searchPageWhenQueryEmptyThenExplainsSyntax() throws Exception {
		for (String[] params : List.of(new String[0], new String[] { "q", "   " })) {
			Document page = page(URL, params);

			assertThat(page.selectFirst(".search-help").text()).contains("Simboard has archived", "messages",
					"judge's remarks", "labels and success criteria", "\"refund policy\"", "refund -voucher",
					"At most 10 words");
			assertThat(page.select("li.hit")).isEmpty();
			assertThat(page.selectFirst("form.search-form").attr("action")).isEqualTo(URL);
		}
		verifyNoInteractions(this.search);
	}

	@Test
	void searchPageWhenOnlyExclusionsThenAsksForAWordToFind() throws Exception {
		given(this.search.search(eq(Fixtures.AGENT), eq("-voucher"), any()))
			.willReturn(new SearchResults(Status.NOTHING_ASKED, "-voucher", List.of(), false));

		Document page = page(URL, "q", "-voucher");

		assertThat(page.selectFirst("p.notice").text()).contains("Add a word or a phrase to find");
		assertThat(page.selectFirst(".search-help")).isNotNull();
	}

	@Test
	void searchPageWhenTranscriptHasMarkupThenEscaped() throws Exception {
		givenFound("alert", false, hit(Fixtures.JOB_ID, Fixtures.BATCH_ID, "tc_1", "<img src=x onerror=y()>",
				Verdict.FAILED, 1, message(1, "<b>user</b>", text("<script>"), marked("alert"), text("(1)</script>"))));

		this.mvc.perform(get(URL).param("q", "alert"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<script>alert"))))
			.andExpect(content().string(containsString("&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<img src=x"))))
			.andExpect(content().string(containsString("&lt;img src=x onerror=y()&gt;")))
			.andExpect(content().string(not(containsString("<b>user</b>"))));
	}

	@Test
	void searchPageWhenNoRunMatchesThenSaysSoAndSuggestsFewerWords() throws Exception {
		given(this.search.search(eq(Fixtures.AGENT), eq("refund  \"store credit\""), any()))
			.willReturn(SearchResults.found("refund \"store credit\"", List.of(), false));

		Document page = page(URL, "q", "refund  \"store credit\"");

		assertThat(page.selectFirst("main").text())
			.contains("No archived run of this agent matches “refund \"store credit\"”.", "Try fewer words")
			.doesNotContain("clear the filters");
		assertThat(page.select("li.hit")).isEmpty();
	}

	@Test
	void searchPageWhenMoreRunsMatchThanListedThenSaysSo() throws Exception {
		givenFound("refund", true, hit(Fixtures.JOB_ID, Fixtures.BATCH_ID, "tc_1", "Refund", Verdict.FAILED, 1,
				message(1, "user", marked("refund"))));

		Document page = page(URL, "q", "refund");

		assertThat(page.selectFirst("#results-heading").text()).contains("More than " + ArchiveSearch.MAX_RUNS
				+ " runs match; the newest " + ArchiveSearch.MAX_RUNS + " are listed.");
		assertThat(page.selectFirst("main").text()).contains("Add words or filters to narrow the search.");
	}

	@Test
	void searchPageWhenFilteredThenFiltersReachTheSearchAndStayInTheFormAndLinks() throws Exception {
		String query = "refund & c++";
		givenFound(query, false, hit(Fixtures.JOB_ID, Fixtures.BATCH_ID, "tc_2", "Other case", Verdict.FAILED, 1,
				message(1, "user", marked("refund"))));

		Document page = page(URL, "q", query, "outcome", "failed", "testCase", "tc_1", "from", "2026-03-01", "to",
				"2026-03-26");

		verify(this.search).search(Fixtures.AGENT, query, new ArchiveSearch.Filters(Verdict.FAILED, Id.of("tc_1"),
				Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-27T00:00:00Z")));
		assertThat(page.selectFirst("input[name=q]").val()).isEqualTo(query);
		assertThat(page.selectFirst("select[name=outcome] option[selected]").val()).isEqualTo("failed");
		assertThat(page.selectFirst("input[name=testCase]").val()).isEqualTo("tc_1");
		assertThat(page.selectFirst("input[name=from]").val()).isEqualTo("2026-03-01");
		assertThat(page.selectFirst("input[name=to]").val()).isEqualTo("2026-03-26");
		String q = "q=refund%20%26%20c%2B%2B";
		assertThat(page.selectFirst("a:contains(Only this test case)").attr("href"))
			.isEqualTo(URL + "?" + q + "&outcome=failed&testCase=tc_2&from=2026-03-01&to=2026-03-26");
		assertThat(page.selectFirst("a:contains(Clear filters)").attr("href")).isEqualTo(URL + "?" + q);
	}

	@Test
	void searchPageWhenOutcomeAllOrFiltersBlankThenNoFilter() throws Exception {
		givenFound("refund", false);

		Document page = page(URL, "q", "refund", "outcome", "all", "testCase", "", "from", "", "to", "");

		verify(this.search).search(Fixtures.AGENT, "refund", ArchiveSearch.Filters.NONE);
		assertThat(page.selectFirst("select[name=outcome] option[selected]").val()).isEmpty();
		assertThat(page.select("a:contains(Clear filters)")).isEmpty();
	}

	@Test
	void searchPageWhenRunAlreadyOfTheChosenTestCaseThenNoLinkToNarrowAgain() throws Exception {
		givenFound("refund", false, hit(Fixtures.JOB_ID, Fixtures.BATCH_ID, "tc_1", "Refund", Verdict.FAILED, 1,
				message(1, "user", marked("refund"))));

		Document page = page(URL, "q", "refund", "testCase", "tc_1");

		assertThat(page.select("a:contains(Only this test case)")).isEmpty();
	}

	@Test
	void searchPageWhenQueryTooLongThenBadRequest(CapturedOutput output) throws Exception {
		int before = output.getAll().length();
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get(URL).param("q", "refund ".repeat(200)))
				.andExpect(status().isBadRequest())
				.andExpect(view().name("error"))
				.andExpect(content().string(containsString("In this address, q must be at most "
						+ ArchiveSearch.MAX_QUERY_LENGTH + " characters. Nothing was asked of SigmaMind.")));
		}
		this.mvc.perform(get(URL).param("q", "a b c d e f g h i j -k"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("q must have at most " + ArchiveSearch.MAX_TERMS
					+ " words and phrases (a quoted phrase or a -word counts as one)")));
		verifyNoInteractions(this.search);
		// One WARN line a minute for each kind: an earlier test may have had this one.
		List<String> lines = output.getAll().substring(before).lines().toList();
		assertThat(lines).filteredOn((line) -> line.contains("Refused GET"))
			.hasSizeLessThanOrEqualTo(1)
			.allSatisfy((line) -> assertThat(line).contains(" WARN ", "q must"));
		assertThat(lines).noneMatch((line) -> line.startsWith("\tat ") || line.contains("Exception"));
	}

	@Test
	void searchPageWhenTenTermsThenSearched() throws Exception {
		givenFound("a b c d e f g h i -j", false);

		page(URL, "q", "a b c d e f g h i -j a");
	}

	@Test
	void searchPageWhenFilterMalformedThenBadRequestNamingIt() throws Exception {
		this.mvc.perform(get(URL).param("q", "refund").param("outcome", "running"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("outcome must be passed, failed or all")));
		this.mvc.perform(get(URL).param("q", "refund").param("from", "26/03/2026"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("from must be a date such as 2026-03-26")));
		this.mvc.perform(get(URL).param("q", "refund").param("from", "2026-03-26").param("to", "2026-03-01"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("to must not be before from")));
		this.mvc.perform(get(URL).param("q", "refund").param("testCase", "tc 1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("testCase must be a SigmaMind ID")));
		this.mvc.perform(get("/agents/agent.1/search").param("q", "refund"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The agent ID in this address must be a SigmaMind ID")));
		verifyNoInteractions(this.search);
	}

	@Test
	void searchPageWhenArchiveDownThenSaysUnavailable() throws Exception {
		given(this.search.search(eq(Fixtures.AGENT), eq("refund"), any()))
			.willReturn(new SearchResults(Status.UNAVAILABLE, "refund", List.of(), false));

		Document page = page(URL, "q", "refund");

		assertThat(page.selectFirst(".notice.error").text()).contains("Search is unavailable right now");
		assertThat(page.selectFirst("main").text()).doesNotContain("Exception", "No archived run");
		assertThat(page.selectFirst("input[name=q]").val()).isEqualTo("refund");
	}

	@Test
	void searchPageWhenSignedOutThenSignInFirst() throws Exception {
		this.mvc.perform(get(URL).param("q", "refund").with(anonymous()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		verifyNoInteractions(this.search);
	}

}
