package dev.simboard.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import dev.simboard.Fixtures;
import dev.simboard.catalog.BatchRuns;
import dev.simboard.catalog.CacheProperties;
import dev.simboard.catalog.Catalog;
import dev.simboard.catalog.RunList;
import dev.simboard.sigmamind.SigmaMindNotFoundException;
import dev.simboard.model.TestCase;
import dev.simboard.model.Run;
import dev.simboard.review.Reviews;
import dev.simboard.web.PageTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
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

@PageTest(BatchExportController.class)
@Import(RunListViews.class)
@EnableConfigurationProperties(CacheProperties.class)
@WithMockUser
class BatchExportControllerTests {

	private static final String URL = "/agents/" + Fixtures.AGENT_ID + "/batches/" + Fixtures.BATCH_ID;

	private static final String RUN_URL = "http://localhost" + URL + "/runs/";

	private static final TestCase ANGRY = Fixtures.testCase("tc_angry", "Angry Customer - Cancellation Flow");

	private static final TestCase REFUND = Fixtures.testCase("tc_refund", "Refund outside 30-day window");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private Catalog catalog;

	/** No reviews: ReviewTests exports them, on a real database. */
	@MockitoBean
	private Reviews reviews;

	/** Four runs, listed newest first as SigmaMind lists them. */
	private void givenFourRuns() {
		Instant t = Fixtures.CREATED;
		givenRuns(List.of(Fixtures.run("job_r2", REFUND, null, t.plusSeconds(60), List.of()),
				Fixtures.run("job_a2", ANGRY, false, t.plusSeconds(30), List.of()),
				Fixtures.run("job_a1", ANGRY, true, t, List.of()), Fixtures.run("job_r1", REFUND, true, t, List.of())));
	}

	private void givenRuns(List<Run> runs) {
		given(this.catalog.batchRuns(Fixtures.AGENT, Fixtures.BATCH)).willReturn(new BatchRuns(
				Fixtures.fresh(Fixtures.batch(3, 1, 5, List.of(ANGRY, REFUND))), Fixtures.fresh(RunList.listed(runs))));
	}

	private static Run remarked(String jobId, String remarks) {
		Run run = Fixtures.run(jobId, ANGRY, true, Fixtures.CREATED, List.of());
		return new Run(run.jobId(), run.batchId(), run.agent(), run.testCase(), run.chatId(), run.created(),
				run.completed(), run.verdict(), remarks, run.conversation());
	}

	private MockHttpServletResponse csv() throws Exception {
		return this.mvc.perform(get(URL + "/export.csv")).andExpect(status().isOk()).andReturn().getResponse();
	}

	/** The rows after the header, read back as a spreadsheet would, BOM checked. */
	private static List<CSVRecord> records(MockHttpServletResponse response) throws IOException {
		byte[] bytes = response.getContentAsByteArray();
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
		try (CSVParser parser = CSVParser.parse(text, format)) {
			assertThat(parser.getHeaderNames()).containsExactly(CsvExport.HEADER);
			return new ArrayList<>(parser.getRecords());
		}
	}

	@Test
	void exportCsvHasBomHeaderAndOneRowPerRunByTestCaseThenAttempt() throws Exception {
		givenFourRuns();
		MockHttpServletResponse response = csv();
		assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(response.getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"simboard-" + Fixtures.BATCH_ID + ".csv\"");
		assertThat(response.getHeader(BatchExportController.NOTE)).isNull();
		List<CSVRecord> records = records(response);
		assertThat(records).extracting((record) -> record.get("job_id"))
			.containsExactly("job_a1", "job_a2", "job_r1", "job_r2");
		CSVRecord a1 = records.get(0);
		assertThat(a1.toList()).containsExactly("job_a1", "Angry Customer - Cancellation Flow", "tc_angry", "1/2",
				"passed", "2026-03-26T10:52:45.565Z", "2026-03-26T10:54:50.565Z", "125",
				"The Agent maintained focus on the cancellation.", RUN_URL + "job_a1", "", "", "", "", "", "", "");
		assertThat(records.get(1).get("outcome")).isEqualTo("failed");
		assertThat(records.get(1).get("attempt")).isEqualTo("2/2");
		CSVRecord running = records.get(3);
		assertThat(running.get("outcome")).isEqualTo("running");
		assertThat(running.get("completed")).isEmpty();
		assertThat(running.get("duration_seconds")).isEmpty();
		assertThat(running.get("remarks")).isEmpty();
	}

	@Test
	void exportCsvWhenRemarksHaveCommasQuotesAndNewlinesThenQuotedInOneRow() throws Exception {
		String remarks = "He said \"cancel, now\", then:\nCafé ☕ — ok 😀\r\nend";
		givenRuns(List.of(remarked("job_1", remarks)));
		MockHttpServletResponse response = csv();
		assertThat(response.getContentAsString(StandardCharsets.UTF_8))
			.contains("\"He said \"\"cancel, now\"\", then:\nCafé ☕ — ok 😀\r\nend\"");
		List<CSVRecord> records = records(response);
		assertThat(records).hasSize(1);
		assertThat(records.get(0).size()).isEqualTo(CsvExport.HEADER.length);
		assertThat(records.get(0).get("remarks")).isEqualTo(remarks);
		assertThat(records.get(0).get("permalink")).isEqualTo(RUN_URL + "job_1");
	}

	@Test
	void exportCsvWhenUpstreamTextStartsLikeFormulaThenPrefixedWithQuote() throws Exception {
		TestCase hostile = Fixtures.testCase("-tc_1", "=HYPERLINK(\"http://evil.example\",\"Click\")");
		Run run = Fixtures.run("job_0", hostile, true, Fixtures.CREATED, List.of());
		givenRuns(List.of(run, remarked("job_1", "+1 for the agent"), remarked("job_2", "-2+3"),
				remarked("job_3", "@SUM(A1:A2)"), remarked("job_4", "\tcmd"), remarked("job_5", "\rcmd"),
				remarked("job_6", "a = b, -c"), remarked("job_7", "")));
		List<CSVRecord> records = records(csv());
		// "=" sorts before letters, so the hostile test case comes first.
		assertThat(records).extracting((record) -> record.get("remarks"))
			.containsExactly("The Agent maintained focus on the cancellation.", "'+1 for the agent", "'-2+3",
					"'@SUM(A1:A2)", "'\tcmd", "'\rcmd", "a = b, -c", "");
		CSVRecord defused = records.get(0);
		assertThat(defused.get("test_case")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"Click\")");
		assertThat(defused.get("test_case_id")).isEqualTo("'-tc_1");
	}

	@Test
	void exportCsvWhenRunsUnlistedThenHeaderOnlyAndNote() throws Exception {
		given(this.catalog.batchRuns(Fixtures.AGENT, Fixtures.BATCH)).willReturn(new BatchRuns(
				Fixtures.fresh(Fixtures.batch(7, 3, 12, List.of(ANGRY, REFUND))), Fixtures.fresh(RunList.unlisted())));
		MockHttpServletResponse response = csv();
		assertThat(response.getHeader(BatchExportController.NOTE)).isEqualTo("runs not listed by SigmaMind");
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("\uFEFF"
				+ "job_id,test_case,test_case_id,attempt,outcome,created,completed,duration_seconds,remarks,permalink,"
				+ "review_verdict,reviewed_outcome,review_label,review_note,review_ticket,reviewed_by,reviewed_at\r\n");
		assertThat(records(response)).isEmpty();
	}

	@Test
	void exportJsonHasCountsPassRateAndRunsByTestCaseThenAttempt() throws Exception {
		givenFourRuns();
		this.mvc.perform(get(URL + "/export.json"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/json"))
			.andExpect(header().string("Content-Disposition", "inline"))
			.andExpect(jsonPath("$.batchId").value(Fixtures.BATCH_ID))
			.andExpect(jsonPath("$.agentId").value(Fixtures.AGENT_ID))
			.andExpect(jsonPath("$.createdDate").value("2026-03-26T10:50:00Z"))
			.andExpect(jsonPath("$.passed").value(3))
			.andExpect(jsonPath("$.failed").value(1))
			.andExpect(jsonPath("$.total").value(5))
			.andExpect(jsonPath("$.running").value(1))
			.andExpect(jsonPath("$.passRate").value(75))
			.andExpect(jsonPath("$.runsListed").value(true))
			.andExpect(jsonPath("$.runs.length()").value(4))
			.andExpect(jsonPath("$.runs[*].jobId").value(contains("job_a1", "job_a2", "job_r1", "job_r2")))
			.andExpect(jsonPath("$.runs[0].testCase").value("Angry Customer - Cancellation Flow"))
			.andExpect(jsonPath("$.runs[0].testCaseId").value("tc_angry"))
			.andExpect(jsonPath("$.runs[0].attempt").value(1))
			.andExpect(jsonPath("$.runs[0].attempts").value(2))
			.andExpect(jsonPath("$.runs[0].outcome").value("passed"))
			.andExpect(jsonPath("$.runs[0].createdDate").value("2026-03-26T10:52:45.565Z"))
			.andExpect(jsonPath("$.runs[0].completedDate").value("2026-03-26T10:54:50.565Z"))
			.andExpect(jsonPath("$.runs[0].durationSeconds").value(125))
			.andExpect(jsonPath("$.runs[0].remarks").value("The Agent maintained focus on the cancellation."))
			.andExpect(jsonPath("$.runs[0].permalink").value(RUN_URL + "job_a1"))
			.andExpect(jsonPath("$.runs[3].outcome").value("running"))
			.andExpect(jsonPath("$.runs[3].completedDate").value(nullValue()))
			.andExpect(jsonPath("$.runs[3].durationSeconds").value(nullValue()));
	}

	@Test
	void exportJsonWhenNothingJudgedAndRunsUnlistedThenNullRateEmptyRunsAndNote() throws Exception {
		given(this.catalog.batchRuns(Fixtures.AGENT, Fixtures.BATCH)).willReturn(new BatchRuns(
				Fixtures.fresh(Fixtures.batch(0, 0, 4, List.of(ANGRY))), Fixtures.fresh(RunList.unlisted())));
		this.mvc.perform(get(URL + "/export.json"))
			.andExpect(status().isOk())
			.andExpect(header().string(BatchExportController.NOTE, "runs not listed by SigmaMind"))
			.andExpect(jsonPath("$.passRate").value(nullValue()))
			.andExpect(jsonPath("$.running").value(4))
			.andExpect(jsonPath("$.runsListed").value(false))
			.andExpect(jsonPath("$.runs").isEmpty());
	}

	@Test
	void exportWhenBatchUnknownThenNotFoundNamingIt() throws Exception {
		given(this.catalog.batchRuns(any(), any()))
			.willThrow(new SigmaMindNotFoundException("GET /v1/batch-runs/{batchId}", 404));
		for (String export : List.of("/export.csv", "/export.json")) {
			this.mvc.perform(get(URL + export))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("no batch run " + Fixtures.BATCH_ID)));
		}
	}

	@Test
	void exportWhenIdHostileThenBadRequestAndCatalogNotCalled() throws Exception {
		for (String id : List.of("a.b", "x".repeat(129), "batch x", "bätch", "<b>")) {
			for (String export : List.of("export.csv", "export.json")) {
				this.mvc.perform(get("/agents/{agentId}/batches/{batchId}/" + export, Fixtures.AGENT_ID, id))
					.andExpect(status().isBadRequest())
					.andExpect(content().string(containsString("Nothing was asked of SigmaMind")));
				this.mvc.perform(get("/agents/{agentId}/batches/{batchId}/" + export, id, Fixtures.BATCH_ID))
					.andExpect(status().isBadRequest());
			}
		}
		verifyNoInteractions(this.catalog);
	}

	@Test
	void exportWhenSignedOutThenRedirectsToLogin() throws Exception {
		for (String export : List.of("/export.csv", "/export.json")) {
			this.mvc.perform(get(URL + export).with(anonymous()))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/login"));
		}
		verifyNoInteractions(this.catalog);
	}

}
