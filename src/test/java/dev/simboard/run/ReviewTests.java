package dev.simboard.run;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.simboard.FakeSigmaMindApp;
import dev.simboard.WebSession;
import dev.simboard.review.Reviews;

import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reviewing a run over real HTTP, against the whole app and its database: who may, what
 * the run page shows, what a stale save gets, what a bad form gets.
 */
class ReviewTests extends FakeSigmaMindApp {

	static final String AGENT = "agent_review1";

	static final String BATCH = "batch_review1";

	static final String BATCH_PAGE = "/agents/" + AGENT + "/batches/" + BATCH;

	static final String RUN_PAGE = BATCH_PAGE + "/runs/job_rev1";

	static final String BATCH_JSON = "{\"batchId\":\"" + BATCH + "\",\"agent\":{\"agentId\":\"" + AGENT
			+ "\"},\"createdDate\":\"2026-03-20T10:00:00Z\",\"testCases\":[],\"successfulAttempts\":1,"
			+ "\"failedAttempts\":3,\"totalAttempts\":4}";

	@BeforeEach
	void stubBatch() {
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/agents/" + AGENT))
			.willReturn(okJson("{\"agentId\":\"" + AGENT + "\",\"name\":\"Review Agent\"}")));
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/batch-runs/" + BATCH)).willReturn(okJson(BATCH_JSON)));
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/batch-runs")).willReturn(okJson("{\"data\":[" + BATCH_JSON
				+ "],\"page\":0,\"size\":20,\"totalCount\":1,\"totalPages\":1,\"hasNext\":false}")));
		List<String> runs = List.of(run("job_rev1", false), run("job_rev2", true), run("job_rev3", false),
				run("job_rev4", false));
		for (int i = 0; i < runs.size(); i++) {
			sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs/job_rev" + (i + 1))).willReturn(okJson(runs.get(i))));
		}
		sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs")).willReturn(okJson("{\"data\":[" + String.join(",", runs)
				+ "],\"page\":0,\"size\":100,\"totalCount\":4,\"totalPages\":1}")));
	}

	@Test
	void reviewWhenReviewerSavesThenTheRunPageShowsItWithWhoAndWhen() throws Exception {
		WebSession rita = signedIn("rita", "secret3");
		Document form = Jsoup.parse(rita.get(RUN_PAGE).body());
		assertThat(form.select("#review-panel .empty").text()).isEqualTo("Not reviewed yet.");

		assertThat(save(rita, "pass", "judge error", "The agent <b>did</b> confirm.",
				"https://tracker.example.com/QA-1", 0)
			.statusCode()).isEqualTo(302);

		Document page = Jsoup.parse(rita.get(RUN_PAGE).body());
		assertThat(page.select(".review-outcome .verdict").text()).isEqualTo("passed, judge said failed");
		assertThat(page.select(".review-outcome .verdict").hasClass("passed")).isTrue();
		assertThat(page.select(".review-label").text()).isEqualTo("judge error");
		assertThat(page.select(".review-note").text()).isEqualTo("The agent <b>did</b> confirm.");
		assertThat(page.select(".review-note b")).isEmpty();
		assertThat(page.select(".review-ticket a").attr("rel")).isEqualTo("noopener noreferrer");
		assertThat(page.select(".reviewer").text()).isEqualTo("rita");
		assertThat(page.select("input[name=version]").val()).isEqualTo("1");
	}

	@Test
	void reviewWhenChangedThenHistoryKeepsWhoChangedWhatFromWhatToWhat() throws Exception {
		WebSession rita = signedIn("rita", "secret3");
		save(rita, "agree", "agent bug", "", "", 0);
		WebSession boss = signedIn("boss", "secret2");
		assertThat(save(boss, "pass", "judge error", "", "", 1).statusCode()).isEqualTo(302);

		Document page = Jsoup.parse(boss.get(RUN_PAGE).body());
		assertThat(page.select(".review-history li").eachText()).hasSize(2);
		assertThat(page.select(".review-history li").get(0).text()).startsWith("boss")
			.contains("verdict: Agrees with the judge → Should have passed")
			.contains("label: agent bug → judge error");
		assertThat(page.select(".review-history li").get(1).text()).startsWith("rita").contains("label: agent bug");
		assertThat(JdbcClient.create(this.dataSource)
			.sql("select count(*) from run_review_version where job_id = 'job_rev1'")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void reviewWhenSavedAgainstAnOlderVersionThenConflictPageShowsBothAndNothingIsOverwritten() throws Exception {
		WebSession rita = signedIn("rita", "secret3");
		WebSession boss = signedIn("boss", "secret2");
		save(rita, "agree", "agent bug", "Rita's note", "", 0);

		var stale = save(boss, "pass", "judge error", "Boss's note", "", 0);

		assertThat(stale.statusCode()).isEqualTo(409);
		Document conflict = Jsoup.parse(stale.body());
		assertThat(conflict.select("h1").text()).isEqualTo("Someone else reviewed this run first");
		assertThat(conflict.text()).contains("Rita's note").contains("Boss's note");
		assertThat(conflict.select("form input[name=version]").val()).isEqualTo("1");
		assertThat(Jsoup.parse(rita.get(RUN_PAGE).body()).select(".review-note").text()).isEqualTo("Rita's note");
		// "Save mine instead" posts against the version now standing.
		assertThat(save(boss, "pass", "judge error", "Boss's note", "", 1).statusCode()).isEqualTo(302);
		assertThat(Jsoup.parse(rita.get(RUN_PAGE).body()).select(".review-note").text()).isEqualTo("Boss's note");
	}

	@Test
	void reviewWhenViewerPostsThenForbiddenButTheReviewShows() throws Exception {
		save(signedIn("rita", "secret3"), "fail", "agent bug", "", "", 0);
		WebSession qa = signedIn("qa", "secret");

		Document page = Jsoup.parse(qa.get(RUN_PAGE).body());
		assertThat(page.select(".review-label").text()).isEqualTo("agent bug");
		assertThat(page.select("#review-panel input, form#review")).isEmpty();
		String token = Jsoup.parse(qa.get(BATCH_PAGE).body()).select("input[name=_csrf]").first().val();
		assertThat(qa.post(RUN_PAGE + "/review", "_csrf=" + token + "&verdict=pass&version=1").statusCode())
			.isEqualTo(403);
	}

	@Test
	void reviewWhenTicketIsNotAWebLinkThenRefusedWithAPageThatSaysWhy() throws Exception {
		WebSession rita = signedIn("rita", "secret3");

		var refused = save(rita, "fail", "", "", "javascript:alert(1)", 0);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(refused.body()).text()).contains("the ticket must be an http or https link");
		assertThat(save(rita, "maybe", "", "", "", 0).statusCode()).isEqualTo(400);
		assertThat(save(rita, "fail", "not a label", "", "", 0).statusCode()).isEqualTo(400);
		assertThat(save(rita, "fail", "", "x".repeat(Reviews.NOTE_MAX + 1), "", 0).statusCode()).isEqualTo(400);
		assertThat(JdbcClient.create(this.dataSource).sql("select count(*) from run_review").query(Long.class).single())
			.isZero();
	}

	@Test
	void nextUnreviewedWhenOpenedFromTheFailuresThenSkipsReviewedRunsAndEndsAtTheBatch() throws Exception {
		WebSession rita = signedIn("rita", "secret3");
		assertThat(rita.get(BATCH_PAGE + "?outcome=failed").statusCode()).isEqualTo(200);
		save(rita, "agree", "agent bug", "", "", 0, "job_rev3");

		Document first = Jsoup.parse(rita.get(RUN_PAGE + "?outcome=failed").body());
		String next = first.select("a[data-run-nav=next-unreviewed]").attr("href");

		assertThat(next).endsWith("/runs/job_rev4?outcome=failed");
		// Saving from the view comes back to the same view: the form's label is no
		// filter.
		var saved = save(rita, "agree", "agent bug", "", "", 0, "job_rev1", "?outcome=failed");
		assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(RUN_PAGE + "?outcome=failed");
		Document last = Jsoup.parse(rita.get(next).body());
		assertThat(last.select("a[data-run-nav=next-unreviewed]").attr("href"))
			.endsWith(BATCH_PAGE + "?outcome=failed");
	}

	@Test
	void exportsWhenReviewedThenCarryTheReview() throws Exception {
		WebSession rita = signedIn("rita", "secret3");
		save(rita, "pass", "judge error", "=cmd note", "https://tracker.example.com/QA-7", 0);

		String csv = rita.get(BATCH_PAGE + "/export.csv").body();
		assertThat(csv.lines().findFirst().orElseThrow())
			.endsWith("review_verdict,reviewed_outcome,review_label,review_note,review_ticket,reviewed_by,reviewed_at");
		assertThat(csv.lines().filter((line) -> line.startsWith("job_rev1,")).findFirst().orElseThrow())
			.contains(",pass,passed,judge error,'=cmd note,https://tracker.example.com/QA-7,rita,");
		String json = rita.get(BATCH_PAGE + "/export.json").body();
		assertThat(json).contains("\"review\":{\"verdict\":\"pass\",\"outcome\":\"passed\",\"label\":\"judge error\"");
		String markdown = rita.get(RUN_PAGE + "/export.md").body();
		assertThat(markdown).contains("## Review")
			.contains("✓ passed, judge said failed (Should have passed)")
			.contains("judge error")
			.contains("<https://tracker.example.com/QA-7>");
	}

	@Test
	void agentPageWhenReviewersOverturnedTheJudgeThenShowsItsReliabilityAndTheReviewedPassRate() throws Exception {
		WebSession rita = signedIn("rita", "secret3");
		Document before = Jsoup.parse(rita.get("/agents/" + AGENT).body());
		assertThat(before.select(".judge-reliability").text())
			.contains("No verdict on this agent's runs has been reviewed");

		save(rita, "pass", "judge error", "", "", 0, "job_rev1");
		save(rita, "agree", "agent bug", "", "", 0, "job_rev3");
		save(rita, "fail", "test case flaw", "", "", 0, "job_rev2");

		Document page = Jsoup.parse(rita.get("/agents/" + AGENT).body());
		assertThat(page.select(".judge-reliability").text())
			.contains("Reviewers checked 3 of the judge's verdicts on this agent's runs and overturned 2 (67%)")
			.contains("1 false fail")
			.contains("1 false pass");
		// One false fail and one false pass: 1 of 4 passed either way.
		assertThat(page.select(".reviewed-rate")).isEmpty();
		save(rita, "pass", "judge error", "", "", 0, "job_rev4");
		Document after = Jsoup.parse(rita.get("/agents/" + AGENT).body());
		assertThat(after.select(".rate span").text()).isEqualTo("25%");
		assertThat(after.select(".reviewed-rate").text()).isEqualTo("50% after review");
	}

	@Test
	void historyAndCompareWhenAVerdictIsOverturnedThenTheReviewersCounts() throws Exception {
		WebSession rita = signedIn("rita", "secret3");
		save(rita, "pass", "judge error", "", "", 0, "job_rev1");

		Document history = Jsoup.parse(rita.get("/agents/" + AGENT + "/test-cases/tc_job_rev1").body());
		assertThat(history.select(".square.reviewed")).hasSize(1);
		assertThat(history.select(".square.reviewed").hasClass("passed")).isTrue();
		assertThat(history.select(".square.reviewed").attr("title")).startsWith("Passed by review, judge said failed");

		Document compare = Jsoup
			.parse(rita.get("/agents/" + AGENT + "/compare?base=" + BATCH + "&head=" + BATCH).body());
		assertThat(compare.text()).contains("1/1 (1 by review)");
	}

	@Test
	void suggestionWhenAFailureIsLikeOneReviewedThenOffersThatReviewAndSavesNothingUntilAccepted() throws Exception {
		String batch = "batch_sugg";
		String page = "/agents/" + AGENT + "/batches/" + batch + "/runs/";
		String[][] runs = { { "job_s1", "The agent refused the refund and quoted the wrong return policy." },
				{ "job_s2", "The call dropped: SigmaMind answered 502 during the lookup tool call." },
				{ "job_s3", "The agent refused the refund, quoting the wrong return policy again." } };
		sigmaMind.stubFor(
				get(urlPathEqualTo("/v1/batch-runs/" + batch)).willReturn(okJson(BATCH_JSON.replace(BATCH, batch))));
		for (String[] run : runs) {
			sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs/" + run[0]))
				.willReturn(okJson(run(batch, run[0], "tc_refund", false, run[1]))));
		}
		WebSession rita = signedIn("rita", "secret3");
		assertThat(saveAt(rita, "agree", "agent bug", "", "", 0, page + "job_s1").statusCode()).isEqualTo(302);
		assertThat(saveAt(rita, "pass", "SigmaMind or infrastructure", "", "", 0, page + "job_s2").statusCode())
			.isEqualTo(302);

		Document offered = Jsoup.parse(rita.get(page + "job_s3").body());

		assertThat(offered.select(".review-suggestion a").attr("href")).endsWith(page + "job_s1");
		assertThat(offered.select(".suggested-verdict").text()).isEqualTo("Agrees with the judge");
		assertThat(offered.select(".suggested-label").text()).isEqualTo("agent bug");
		assertThat(offered.select("#review-panel .empty").text()).isEqualTo("Not reviewed yet.");
		assertThat(JdbcClient.create(this.dataSource)
			.sql("select count(*) from run_review where job_id = 'job_s3'")
			.query(Long.class)
			.single()).isZero();
		// A run with a review of its own is offered none.
		assertThat(Jsoup.parse(rita.get(page + "job_s1").body()).select(".review-suggestion")).isEmpty();

		// What "Accept the suggestion" (and the y key) posts.
		String token = offered.select("form#accept-suggestion input[name=_csrf]").val();
		String action = offered.select("form#accept-suggestion").attr("action");
		String fields = offered.select("input[form=accept-suggestion]")
			.stream()
			.map((input) -> input.attr("name") + "=" + encode(input.val()))
			.reduce((a, b) -> a + "&" + b)
			.orElseThrow();
		assertThat(rita.post(action, "_csrf=" + encode(token) + "&" + fields).statusCode()).isEqualTo(302);

		Document accepted = Jsoup.parse(rita.get(page + "job_s3").body());
		assertThat(accepted.select(".review-label").text()).isEqualTo("agent bug");
		WebSession boss = signedIn("boss", "secret2");
		assertThat(Jsoup.parse(boss.get("/admin").body()).select(".suggestions-accepted").text())
			.startsWith("1 of 1 reviews saved with a suggestion took it as offered (100%)");
	}

	private WebSession signedIn(String user, String password) throws Exception {
		WebSession session = new WebSession(this.port);
		assertThat(session.signIn(user, password).statusCode()).isEqualTo(302);
		return session;
	}

	private static java.net.http.HttpResponse<String> save(WebSession session, String verdict, String label,
			String note, String ticket, int version) throws Exception {
		return save(session, verdict, label, note, ticket, version, "job_rev1");
	}

	/** Posts the review form as the run page's form would, with its token. */
	private static java.net.http.HttpResponse<String> save(WebSession session, String verdict, String label,
			String note, String ticket, int version, String jobId) throws Exception {
		return save(session, verdict, label, note, ticket, version, jobId, "");
	}

	private static java.net.http.HttpResponse<String> save(WebSession session, String verdict, String label,
			String note, String ticket, int version, String jobId, String view) throws Exception {
		return saveAt(session, verdict, label, note, ticket, version, BATCH_PAGE + "/runs/" + jobId + view);
	}

	/** Posts the review form of the run page at {@code runPage}, batch view included. */
	private static java.net.http.HttpResponse<String> saveAt(WebSession session, String verdict, String label,
			String note, String ticket, int version, String runPage) throws Exception {
		String page = runPage.replaceFirst("\\?.*$", "");
		String view = runPage.substring(page.length());
		Document run = Jsoup.parse(session.get(page + view).body());
		String token = run.select("form#review input[name=_csrf]").val();
		String action = run.select("form#review").attr("action");
		assertThat(action).as("the review form's action").startsWith(page + "/review");
		return session.post(action, "_csrf=" + encode(token) + "&verdict=" + encode(verdict) + "&label=" + encode(label)
				+ "&note=" + encode(note) + "&ticket=" + encode(ticket) + "&version=" + version);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** A finished run of the batch: passed, or failed. */
	static String run(String jobId, boolean passed) {
		return run(BATCH, jobId, "tc_" + jobId, passed, "Judged.");
	}

	static String run(String batchId, String jobId, String testCaseId, boolean passed, String remarks) {
		return "{\"jobId\":\"" + jobId + "\",\"batchId\":\"" + batchId + "\",\"agent\":{\"agentId\":\"" + AGENT
				+ "\"},\"testCase\":{\"testCaseId\":\"" + testCaseId + "\",\"label\":\"Refund flow\",\"attempt\":1},"
				+ "\"createdDate\":\"2026-03-20T10:01:00Z\",\"completedDate\":\"2026-03-20T10:03:00Z\","
				+ "\"isSuccessful\":" + passed + ",\"remarks\":\"" + remarks + "\","
				+ "\"conversation\":[{\"role\":\"user\",\"content\":\"I want my money back\"}]}";
	}

}
