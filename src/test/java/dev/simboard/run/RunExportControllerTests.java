package dev.simboard.run;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.simboard.Fixtures;
import dev.simboard.model.Attempt;
import dev.simboard.catalog.Catalog;
import dev.simboard.catalog.RunDetail;
import dev.simboard.model.Message;
import dev.simboard.sigmamind.SigmaMindNotFoundException;
import dev.simboard.model.TestCase;
import dev.simboard.model.Run;
import dev.simboard.transcript.Transcript;
import dev.simboard.review.Reviews;
import dev.simboard.web.PageTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PageTest(RunExportController.class)
@WithMockUser
class RunExportControllerTests {

	private static final String URL = "/agents/" + Fixtures.AGENT_ID + "/batches/" + Fixtures.BATCH_ID + "/runs/"
			+ Fixtures.JOB_ID;

	private static final String PERMALINK = "http://localhost" + URL;

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private Catalog catalog;

	/** No reviews: ReviewTests exports them, on a real database. */
	@MockitoBean
	private Reviews reviews;

	private void givenRun(Run run, Attempt attempt) {
		given(this.catalog.run(Fixtures.AGENT, Fixtures.BATCH, Fixtures.JOB))
			.willReturn(new RunDetail(run, Transcript.of(run.conversation()), null, attempt, null));
	}

	private void givenConversation(Message... messages) {
		givenRun(Fixtures.finishedRun(List.of(messages)), new Attempt(1, 2));
	}

	private String markdown() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(URL + "/export.md"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).isEqualTo("text/markdown;charset=UTF-8");
		assertThat(response.getHeader("Content-Disposition"))
			.isEqualTo("inline; filename=\"simboard-" + Fixtures.JOB_ID + ".md\"");
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void exportJsonHasRunFieldsTestCaseAndAnchoredTranscript() throws Exception {
		givenConversation(Fixtures.message("user", "I want to cancel."),
				Fixtures.message("assistant", "I can help with that."), Fixtures.message("tool", "{\"ok\":true}"));
		this.mvc.perform(get(URL + "/export.json"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/json"))
			.andExpect(header().string("Content-Disposition", "inline"))
			.andExpect(jsonPath("$.jobId").value(Fixtures.JOB_ID))
			.andExpect(jsonPath("$.batchId").value(Fixtures.BATCH_ID))
			.andExpect(jsonPath("$.agentId").value(Fixtures.AGENT_ID))
			.andExpect(jsonPath("$.testCase.id").value("tc_d17T6uReChpyfFeP"))
			.andExpect(jsonPath("$.testCase.label").value("Angry Customer - Cancellation Flow"))
			.andExpect(jsonPath("$.testCase.successCriteria").value(containsString("confirms the cancellation")))
			.andExpect(jsonPath("$.testCase.userPrompt").value("You are an angry customer who wants to cancel."))
			.andExpect(jsonPath("$.testCase.model").value("gpt-4o-mini"))
			.andExpect(jsonPath("$.testCase.mockData[0].name").value("customer_name"))
			.andExpect(jsonPath("$.testCase.mockData[0].value").value("John Doe"))
			.andExpect(jsonPath("$.outcome").value("passed"))
			.andExpect(jsonPath("$.remarks").value("The Agent maintained focus on the cancellation."))
			.andExpect(jsonPath("$.createdDate").value("2026-03-26T10:52:45.565Z"))
			.andExpect(jsonPath("$.completedDate").value("2026-03-26T10:54:50.565Z"))
			.andExpect(jsonPath("$.durationSeconds").value(125))
			.andExpect(jsonPath("$.chatId").value("chat_IpELinkFvINQ1212"))
			.andExpect(jsonPath("$.attempt").value(1))
			.andExpect(jsonPath("$.attempts").value(2))
			.andExpect(jsonPath("$.permalink").value(PERMALINK))
			.andExpect(jsonPath("$.transcriptProblem").value(nullValue()))
			.andExpect(jsonPath("$.transcript.length()").value(3))
			.andExpect(jsonPath("$.transcript[0].n").value(1))
			.andExpect(jsonPath("$.transcript[0].anchor").value("m1"))
			.andExpect(jsonPath("$.transcript[0].speaker").value("user"))
			.andExpect(jsonPath("$.transcript[0].role").value("user"))
			.andExpect(jsonPath("$.transcript[0].type").value("message"))
			.andExpect(jsonPath("$.transcript[0].text").value("I want to cancel."))
			.andExpect(jsonPath("$.transcript[1].speaker").value("agent"))
			.andExpect(jsonPath("$.transcript[1].anchor").value("m2"))
			.andExpect(jsonPath("$.transcript[2].speaker").value("other"))
			.andExpect(jsonPath("$.transcript[2].text").value("{\"ok\":true}"));
	}

	@Test
	void exportJsonWhenRunningAndBatchRunsNotAtHandThenNullsAndPlannedAttempts() throws Exception {
		givenRun(Fixtures.run(Fixtures.JOB_ID, Fixtures.testCase("tc_1", "Refund"), null, Fixtures.CREATED, List.of()),
				null);
		this.mvc.perform(get(URL + "/export.json"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("running"))
			.andExpect(jsonPath("$.remarks").value(nullValue()))
			.andExpect(jsonPath("$.completedDate").value(nullValue()))
			.andExpect(jsonPath("$.durationSeconds").value(nullValue()))
			.andExpect(jsonPath("$.attempt").value(nullValue()))
			.andExpect(jsonPath("$.attempts").value(2))
			.andExpect(jsonPath("$.transcript").isEmpty());
	}

	@Test
	void exportMarkdownHasTitleFactsSectionsAndAnchoredMessages() throws Exception {
		givenConversation(Fixtures.message("user", "I want to cancel."),
				Fixtures.message("assistant", "I can help with that.\n\nShall I go ahead?"));
		String md = markdown();
		// SigmaMind's texts come with every punctuation mark escaped
		// (MarkdownExportTests).
		assertThat(md).startsWith("# Angry Customer \\- Cancellation Flow — Passed\n\n")
			.contains("- **Job ID:** `" + Fixtures.JOB_ID + "`\n", "- **Batch:** `" + Fixtures.BATCH_ID + "`\n",
					"- **Agent:** Billing Support (`" + Fixtures.AGENT_ID + "`)\n", "- **Model:** gpt\\-4o\\-mini\n",
					"- **Attempt:** 1 of 2\n", "- **Started:** 2026-03-26 10:52:45 UTC\n",
					"- **Completed:** 2026-03-26 10:54:50 UTC\n", "- **Duration:** 2m 05s\n",
					"- **Permalink:** <" + PERMALINK + ">\n")
			.contains(
					"## Success criteria\n\n> The agent confirms the cancellation and offers a retention discount\\.\n")
			.contains("## Judge's remarks\n\n> The Agent maintained focus on the cancellation\\.\n")
			.contains("## Conversation\n")
			.contains("**#1 Simulated user** ([link](" + PERMALINK + "#m1))\n\n> I want to cancel\\.\n")
			.contains("**#2 Agent** ([link](" + PERMALINK
					+ "#m2))\n\n> I can help with that\\.\n>\n> Shall I go ahead\\?\n")
			.endsWith("?\n");
	}

	@Test
	void exportMarkdownWhenUpstreamTextHasHtmlAndMarkdownThenEscapedAndKeptInsideQuotes() throws Exception {
		TestCase hostile = Fixtures.testCase("tc_1", "Refund <img src=x onerror=alert(1)>\n# Injected heading");
		Run run = Fixtures.run(Fixtures.JOB_ID, hostile, false, Fixtures.CREATED,
				List.of(Fixtures.message("user", "<script>alert(1)</script>\n## Not a heading\r\n- nor a list"),
						Fixtures.message("assistant", "</blockquote><b>bold</b>")));
		givenRun(run, new Attempt(2, 2));
		String md = markdown();
		assertThat(md).doesNotContain("<script>", "<img", "<b>", "</blockquote>")
			.startsWith("# Refund &lt;img src\\=x onerror\\=alert\\(1\\)\\> \\# Injected heading — Failed\n")
			.contains("> &lt;script\\>alert\\(1\\)&lt;\\/script\\>\n> \\#\\# Not a heading\n> \\- nor a list\n")
			.contains("> &lt;\\/blockquote\\>&lt;b\\>bold&lt;\\/b\\>\n");
		// Only Simboard's own headings start a line.
		assertThat(md.lines().filter((line) -> line.startsWith("#"))).containsExactly(
				"# Refund &lt;img src\\=x onerror\\=alert\\(1\\)\\> \\# Injected heading — Failed",
				"## Success criteria", "## Judge's remarks", "## Conversation");
	}

	@Test
	void exportMarkdownWhenNoTranscriptThenSaysWhy() throws Exception {
		Run run = Fixtures.finishedRun(null);
		given(this.catalog.run(Fixtures.AGENT, Fixtures.BATCH, Fixtures.JOB)).willReturn(new RunDetail(run,
				Transcript.none(), "SigmaMind sent no conversation and no chat ID for this run.", null, null));
		assertThat(markdown()).contains("- **Attempt:** one of 2\n")
			.endsWith("## Conversation\n\nSigmaMind sent no conversation and no chat ID for this run\\.\n");
	}

	@Test
	void exportWhenRunUnknownThenNotFoundNamingIt() throws Exception {
		given(this.catalog.run(any(), any(), any()))
			.willThrow(new SigmaMindNotFoundException("GET /v1/test-runs/{jobId}", 404));
		for (String export : List.of("/export.json", "/export.md")) {
			this.mvc.perform(get(URL + export))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("no test run " + Fixtures.JOB_ID)));
		}
	}

	@Test
	void exportWhenIdHostileThenBadRequestAndCatalogNotCalled() throws Exception {
		String template = "/agents/{agentId}/batches/{batchId}/runs/{jobId}/";
		for (String id : List.of("a.b", "x".repeat(129), "job x", "jöb", "<b>")) {
			for (String export : List.of("export.json", "export.md")) {
				this.mvc.perform(get(template + export, Fixtures.AGENT_ID, Fixtures.BATCH_ID, id))
					.andExpect(status().isBadRequest())
					.andExpect(content().string(containsString("Nothing was asked of SigmaMind")));
				this.mvc.perform(get(template + export, Fixtures.AGENT_ID, id, Fixtures.JOB_ID))
					.andExpect(status().isBadRequest());
				this.mvc.perform(get(template + export, id, Fixtures.BATCH_ID, Fixtures.JOB_ID))
					.andExpect(status().isBadRequest());
			}
		}
		verifyNoInteractions(this.catalog);
	}

	@Test
	void exportWhenSignedOutThenRedirectsToLogin() throws Exception {
		for (String export : List.of("/export.json", "/export.md")) {
			this.mvc.perform(get(URL + export).with(anonymous()))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/login"));
		}
		verifyNoInteractions(this.catalog);
	}

}
