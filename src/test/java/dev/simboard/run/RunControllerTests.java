package dev.simboard.run;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.catalina.connector.ClientAbortException;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.simboard.Fixtures;
import dev.simboard.batch.RunListViews;
import dev.simboard.model.Attempt;
import dev.simboard.catalog.CacheProperties;
import dev.simboard.catalog.Catalog;
import dev.simboard.catalog.RunBodies;
import dev.simboard.catalog.RunDetail;
import dev.simboard.catalog.RunList;
import dev.simboard.catalog.Staleness;
import dev.simboard.model.Message;
import dev.simboard.sigmamind.SigmaMindNotFoundException;
import dev.simboard.sigmamind.SigmaMindRateLimitedException;
import dev.simboard.sigmamind.SigmaMindUnauthorizedException;
import dev.simboard.sigmamind.SigmaMindUnavailableException;
import dev.simboard.sigmamind.SigmaMindUnavailableException.Reason;
import dev.simboard.model.Run;
import dev.simboard.transcript.Transcript;
import dev.simboard.pagecache.HtmlFragments;
import dev.simboard.pagecache.KeptPage;
import dev.simboard.pagecache.PageCacheConfiguration;
import dev.simboard.review.Reviews;
import dev.simboard.web.PageTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@PageTest(RunController.class)
@Import({ RenderedRuns.class, ArchivedBodies.class, HtmlFragments.class, RunListViews.class,
		PageCacheConfiguration.class })
@EnableConfigurationProperties(CacheProperties.class)
@WithMockUser
@ExtendWith(OutputCaptureExtension.class)
class RunControllerTests {

	private static final String URL = "/agents/" + Fixtures.AGENT_ID + "/batches/" + Fixtures.BATCH_ID + "/runs/"
			+ Fixtures.JOB_ID;

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private Catalog catalog;

	/** Kept bodies are the whole app's ({@code ArchiveRestartTests}): none here. */
	@MockitoBean
	private RunBodies bodies;

	/** No reviews: the review pages have tests of their own, on a real database. */
	@MockitoBean
	private Reviews reviews;

	private void givenRun(Run run) {
		given(this.catalog.run(Fixtures.AGENT, Fixtures.BATCH, Fixtures.JOB))
			.willReturn(new RunDetail(run, Transcript.of(run.conversation()), null, new Attempt(1, 2), null));
	}

	@Test
	void runPageShowsVerdictCriteriaRemarksAndAnchoredMessages() throws Exception {
		givenRun(Fixtures.finishedRun(List.of(Fixtures.message("user", "I want to cancel."),
				Fixtures.message("assistant", "I can help with that."))));
		this.mvc.perform(get(URL))
			.andExpect(status().isOk())
			.andExpect(view().name("run/run"))
			.andExpect(content().string(containsString("Angry Customer - Cancellation Flow")))
			.andExpect(content().string(containsString("verdict big passed")))
			.andExpect(content().string(containsString("The agent confirms the cancellation")))
			.andExpect(content().string(containsString("The Agent maintained focus")))
			.andExpect(content().string(containsString("id=\"m1\"")))
			.andExpect(content().string(containsString("id=\"m2\"")))
			.andExpect(content().string(containsString("I can help with that.")))
			.andExpect(content().string(containsString("1 of 2")))
			.andExpect(content().string(matchesPattern("(?s)^(?!.*<body.*<body).*$")))
			.andExpect(content().string(containsString("2m 05s")))
			.andExpect(content().string(containsString("John Doe")));
	}

	@Test
	void runPageWhenTranscriptHasMarkupThenShowsItAsText() throws Exception {
		givenRun(Fixtures.finishedRun(List.of(Fixtures.message("user", "<script>alert(1)</script>"),
				Fixtures.message("assistant", "<b onmouseover=\"x()\">hi</b>"))));
		this.mvc.perform(get(URL))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<script>alert(1)</script>"))))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<b onmouseover"))));
	}

	@Test
	void runPageWhenFinishedRunFetchedAgainThenShowsTheNewRunNotTheKeptRendering() throws Exception {
		givenRun(Fixtures.finishedRun(List.of(Fixtures.message("user", "First fetch."))));
		this.mvc.perform(get(URL)).andExpect(content().string(containsString("First fetch.")));
		this.mvc.perform(get(URL)).andExpect(content().string(containsString("First fetch.")));
		// "Refresh now" or an emptied cache gives the catalog a new run object.
		givenRun(Fixtures.finishedRun(List.of(Fixtures.message("user", "Second fetch."))));
		this.mvc.perform(get(URL))
			.andExpect(content().string(containsString("Second fetch.")))
			.andExpect(content().string(not(containsString("First fetch."))));
	}

	@Test
	void runPageWhenOpenedAgainThenSendsTheKeptPageWithThisRequestsToken() throws Exception {
		givenRun(Fixtures.finishedRun(List.of(Fixtures.message("user", "Zoë wants to cancel <now> ✓"))));
		MvcResult first = this.mvc.perform(get(URL)).andExpect(view().name("run/run")).andReturn();
		MvcResult second = this.mvc.perform(get(URL)).andExpect(status().isOk()).andReturn();

		assertThat(second.getModelAndView().getView()).isInstanceOf(KeptPage.class);
		String firstToken = token(first);
		String secondToken = token(second);
		assertThat(secondToken).isNotEqualTo(firstToken)
			.isEqualTo(((CsrfToken) second.getRequest().getAttribute(CsrfToken.class.getName())).getToken());
		assertThat(firstToken)
			.isEqualTo(((CsrfToken) first.getRequest().getAttribute(CsrfToken.class.getName())).getToken());
		assertThat(second.getResponse().getContentAsString()).doesNotContain(firstToken)
			.isEqualTo(first.getResponse().getContentAsString().replace(firstToken, secondToken))
			.contains("Zoë wants to cancel &lt;now&gt; ✓");
		assertThat(second.getResponse().getContentLength())
			.isEqualTo(second.getResponse().getContentAsByteArray().length);
		assertThat(second.getResponse().getContentType()).isEqualTo("text/html;charset=UTF-8");
	}

	@Test
	void runPageWhenKeptForOneUserThenAnotherSeesTheirOwnNameAndLinks() throws Exception {
		givenRun(Fixtures.finishedRun(List.of(Fixtures.message("user", "Cancel, please."))));
		this.mvc.perform(get(URL).with(user("ada").roles("VIEWER", "ADMIN")));
		assertThat(this.mvc.perform(get(URL).with(user("ada").roles("VIEWER", "ADMIN")))
			.andExpect(content().string(containsString("Signed in as</span> <strong>ada</strong>")))
			.andExpect(content().string(containsString("href=\"/admin\"")))
			.andReturn()
			.getModelAndView()
			.getView()).isInstanceOf(KeptPage.class);

		this.mvc.perform(get(URL).with(user("bob").roles("VIEWER")))
			.andExpect(view().name("run/run"))
			.andExpect(content().string(containsString("Signed in as</span> <strong>bob</strong>")))
			.andExpect(content().string(not(containsString("href=\"/admin\""))));
		this.mvc.perform(get(URL).with(user("bob").roles("VIEWER")))
			.andExpect(content().string(containsString("Signed in as</span> <strong>bob</strong>")))
			.andExpect(content().string(not(containsString("href=\"/admin\""))));
		// Same name, fewer roles: not the page kept for the admin.
		this.mvc.perform(get(URL).with(user("ada").roles("VIEWER")))
			.andExpect(view().name("run/run"))
			.andExpect(content().string(not(containsString("href=\"/admin\""))));
	}

	@Test
	void runPageWhenBatchViewOrItsRunsDifferThenNotThePageKeptForAnother() throws Exception {
		Run run = Fixtures.finishedRun(List.of(Fixtures.message("user", "Cancel, please.")));
		givenRun(run);
		Run before = Fixtures.run("job_before", Fixtures.testCase("tc_a", "A first case"), true, Fixtures.CREATED,
				List.of());
		Run after = Fixtures.run("job_after", Fixtures.testCase("tc_z", "Zero hour"), false, Fixtures.CREATED,
				List.of());
		given(this.catalog.runsIfCached(Fixtures.AGENT, Fixtures.BATCH))
			.willReturn(RunList.listed(List.of(after, run, before)));
		this.mvc.perform(get(URL)).andExpect(content().string(containsString("Run 2 of 3 in this view")));
		this.mvc.perform(get(URL)).andExpect(content().string(containsString("Run 2 of 3 in this view")));

		this.mvc.perform(get(URL).param("outcome", "passed"))
			.andExpect(view().name("run/run"))
			.andExpect(content().string(containsString("Run 2 of 2 in this view")))
			.andExpect(content().string(containsString("job_before?outcome=passed")));

		// The batch's runs renewed: the run moved.
		given(this.catalog.runsIfCached(Fixtures.AGENT, Fixtures.BATCH))
			.willReturn(RunList.listed(List.of(run, after)));
		this.mvc.perform(get(URL))
			.andExpect(view().name("run/run"))
			.andExpect(content().string(containsString("Run 1 of 2 in this view")))
			.andExpect(content().string(not(containsString("job_before"))));
	}

	@Test
	void runPageWhenMoreUsersThanKeptPagesThenTheOldestIsRenderedAgain() throws Exception {
		givenRun(Fixtures.finishedRun(List.of(Fixtures.message("user", "Cancel, please."))));
		for (int i = 0; i <= RenderedRuns.PAGES_PER_RUN; i++) {
			this.mvc.perform(get(URL).with(user("user" + i)));
		}
		this.mvc.perform(get(URL).with(user("user0"))).andExpect(view().name("run/run"));
		assertThat(this.mvc.perform(get(URL).with(user("user" + RenderedRuns.PAGES_PER_RUN)))
			.andReturn()
			.getModelAndView()
			.getView()).isInstanceOf(KeptPage.class);
	}

	@Test
	void runPageWhenFlashMessageThenShownOnceAndNeverKept() throws Exception {
		givenRun(Fixtures.finishedRun(List.of(Fixtures.message("user", "Cancel, please."))));
		this.mvc.perform(get(URL));
		this.mvc.perform(get(URL).flashAttr("flash", "Refreshed just now."))
			.andExpect(view().name("run/run"))
			.andExpect(content().string(containsString("Refreshed just now.")));
		this.mvc.perform(get(URL)).andExpect(content().string(not(containsString("Refreshed just now."))));
	}

	@Test
	void runPageWhenRunningThenRenderedEachTime() throws Exception {
		Run running = Fixtures.run(Fixtures.JOB_ID, Fixtures.testCase("tc_1", "Refund"), null, Fixtures.CREATED,
				List.of());
		givenRun(running);
		this.mvc.perform(get(URL));
		this.mvc.perform(get(URL)).andExpect(view().name("run/run"));
	}

	@Test
	void runPageWhenKeptRunTurnsStaleThenRenderedWithTheBanner() throws Exception {
		Run run = Fixtures.finishedRun(List.of(Fixtures.message("user", "Cancel, please.")));
		givenRun(run);
		this.mvc.perform(get(URL));
		this.mvc.perform(get(URL)).andExpect(content().string(not(containsString("Showing data from"))));
		// The same run, with what came beside it (its batch's runs) no longer renewed.
		given(this.catalog.run(Fixtures.AGENT, Fixtures.BATCH, Fixtures.JOB))
			.willReturn(new RunDetail(run, Transcript.of(run.conversation()), null, new Attempt(1, 2),
					new Staleness(Instant.now().minusSeconds(30), new SigmaMindUnavailableException("GET /v1/test-runs",
							Reason.SERVER_ERROR, "answered 503", null))));
		this.mvc.perform(get(URL))
			.andExpect(view().name("run/run"))
			.andExpect(content().string(containsString("Showing data from")));
	}

	@Test
	void runPageWhenAttemptOrContextPathDifferThenNotThePageKeptForAnother() throws Exception {
		Run run = Fixtures.finishedRun(List.of(Fixtures.message("user", "Cancel, please.")));
		givenRun(run);
		this.mvc.perform(get(URL));
		this.mvc.perform(get(URL)).andExpect(content().string(containsString("1 of 2")));

		given(this.catalog.run(Fixtures.AGENT, Fixtures.BATCH, Fixtures.JOB))
			.willReturn(new RunDetail(run, Transcript.of(run.conversation()), null, new Attempt(2, 3), null));
		this.mvc.perform(get(URL))
			.andExpect(view().name("run/run"))
			.andExpect(content().string(containsString("2 of 3")));

		this.mvc.perform(get("/simboard" + URL).contextPath("/simboard"))
			.andExpect(view().name("run/run"))
			.andExpect(content().string(containsString("href=\"/simboard/agents\"")));
		this.mvc.perform(get(URL)).andExpect(content().string(not(containsString("/simboard/"))));
	}

	private static String token(MvcResult result) throws Exception {
		List<String> tokens = Jsoup.parse(result.getResponse().getContentAsString())
			.select("input[name=_csrf]")
			.eachAttr("value");
		assertThat(tokens).hasSize(2).containsOnly(tokens.get(0));
		return tokens.get(0);
	}

	@Test
	void runPageWhenRunningThenSaysSoAndHasNoVerdict() throws Exception {
		Run running = Fixtures.run(Fixtures.JOB_ID, Fixtures.testCase("tc_1", "Refund"), null, Fixtures.CREATED,
				List.of());
		givenRun(running);
		this.mvc.perform(get(URL))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("verdict big running")))
			.andExpect(content().string(containsString("still going")));
	}

	@Test
	void runPageWhenJobUnknownThenShowsNotFound() throws Exception {
		given(this.catalog.run(any(), any(), any()))
			.willThrow(new SigmaMindNotFoundException("GET /v1/test-runs/{jobId}", 404));
		this.mvc.perform(get(URL))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error"))
			.andExpect(content().string(containsString("no test run " + Fixtures.JOB_ID)));
	}

	@Test
	void runPageWhenIdMalformedThenBadRequestAndCatalogNotCalled() throws Exception {
		String batch = "/agents/" + Fixtures.AGENT_ID + "/batches/" + Fixtures.BATCH_ID + "/runs/";
		for (String jobId : List.of("a.b", "x".repeat(129), "job x", "jöb", "<b>")) {
			this.mvc.perform(get(batch + "{jobId}", jobId))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("Nothing was asked of SigmaMind")));
		}
		// The firewall refuses these before any controller; the whole-app test shows
		// their page.
		for (String jobId : List.of("a;b", "%2e%2e%2f")) {
			this.mvc.perform(get(batch + jobId)).andExpect(status().isBadRequest());
		}
		verifyNoInteractions(this.catalog);
	}

	@Test
	void runPageWhenJobIdMalformedThenShowsBadRequest(CapturedOutput output) throws Exception {
		String batch = "/agents/" + Fixtures.AGENT_ID + "/batches/" + Fixtures.BATCH_ID + "/runs/";
		int before = output.getAll().length();
		for (String jobId : List.of("job.1", "job " + "x".repeat(5_000))) {
			this.mvc.perform(get(batch + "{jobId}", jobId))
				.andExpect(status().isBadRequest())
				.andExpect(view().name("error"))
				.andExpect(content().string(containsString("That address has an ID Simboard can")))
				.andExpect(content().string(containsString("The job ID in this address must be a SigmaMind ID: "
						+ "letters, digits, _ and -, at most 128 of them. Nothing was asked of SigmaMind.")))
				.andExpect(content().string(not(containsString("xxxxx"))));
		}
		verifyNoInteractions(this.catalog);
		// One WARN line a minute for each kind: an earlier test may have had this one.
		List<String> lines = output.getAll().substring(before).lines().toList();
		assertThat(lines).filteredOn((line) -> line.contains("Refused GET"))
			.hasSizeLessThanOrEqualTo(1)
			.allSatisfy((line) -> assertThat(line).contains(" WARN ", "jobId must be a SigmaMind ID"));
		assertThat(lines).noneMatch((line) -> line.startsWith("\tat ") || line.contains("Exception"));
	}

	@Test
	void runPageWhenSigmaMindDownThenShowsBadGateway() throws Exception {
		given(this.catalog.run(any(), any(), any())).willThrow(new SigmaMindUnavailableException(
				"GET /v1/test-runs/{jobId}", SigmaMindUnavailableException.Reason.SERVER_ERROR, "answered 503", null));
		this.mvc.perform(get(URL))
			.andExpect(status().isBadGateway())
			.andExpect(content().string(containsString("SigmaMind is not answering")))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	void runPageWhenKeyRefusedThenTellsOperatorToCheckKey() throws Exception {
		given(this.catalog.run(any(), any(), any()))
			.willThrow(new SigmaMindUnauthorizedException("GET /v1/test-runs/{jobId}", 401));
		this.mvc.perform(get(URL))
			.andExpect(status().isBadGateway())
			.andExpect(content().string(containsString("SIGMAMIND_API_KEY")));
	}

	@Test
	void runPageWhenRateLimitedThenSaysWhenToRetry() throws Exception {
		given(this.catalog.run(any(), any(), any()))
			.willThrow(new SigmaMindRateLimitedException("GET /v1/test-runs/{jobId}", Duration.ofSeconds(30)));
		this.mvc.perform(get(URL))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "30"))
			.andExpect(content().string(containsString("Try again in 30 s")));
	}

	@Test
	void runPageWhenBrowserLeftMidAnswerThenNoErrorPageAndNoErrorLogged(CapturedOutput output) throws Exception {
		given(this.catalog.run(any(), any(), any())).willAnswer((invocation) -> {
			throw new ClientAbortException(new IOException("Broken pipe"));
		});
		this.mvc.perform(get(URL))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Something went wrong"))));
		assertThat(output).doesNotContain("Unexpected error");
	}

	@Test
	void runPageWhenSignedOutThenRedirectsToLogin() throws Exception {
		this.mvc.perform(get(URL).with(anonymous()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		verifyNoInteractions(this.catalog);
	}

}
