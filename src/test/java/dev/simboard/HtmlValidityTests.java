package dev.simboard;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.simboard.HtmlChecker.Problem;
import dev.simboard.catalog.Catalog;
import dev.simboard.demo.DemoData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every kind of page Simboard serves, checked by the Nu HTML Checker: the whole app in
 * demo mode over real HTTP, signed in as the demo user (ADMIN, so reviews and pins are
 * offered too). A page fails on any error Nu reports, listed with its line; warnings and
 * info pass.
 * <p>
 * The context is the one {@link SimboardApplicationTests} starts. Only this class writes
 * to it: two reviews of one failure, and a pin it takes away again.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HtmlValidityTests {

	static HtmlChecker checker;

	@LocalServerPort
	int port;

	@Autowired
	DemoData demo;

	@Autowired
	Catalog catalog;

	@BeforeAll
	static void loadChecker() {
		checker = new HtmlChecker();
	}

	@Test
	void signedOutPagesWhenCheckedThenHaveNoErrors() throws Exception {
		WebSession anonymous = new WebSession(this.port);
		Pages pages = new Pages(anonymous);
		pages.add("login", "/login", 200);
		pages.add("login, signed out", "/login?logout", 200);
		pages.add("login, refused", "/login?error", 200);
		pages.add("login, form expired", "/login?expired", 200);
		pages.assertValid();
	}

	@Test
	void browsingPagesWhenCheckedThenHaveNoErrors() throws Exception {
		WebSession session = signedIn();
		Pages pages = new Pages(session);
		DemoData.Landmarks landmarks = this.demo.landmarks();
		String agent = "/agents/" + landmarks.agent().agentId();
		String showcase = batch(landmarks.showcaseBatch());

		pages.add("agents", "/agents", 200);
		pages.add("agent", agent, 200);
		pages.add("batch", showcase, 200);
		pages.add("batch, failed runs sorted", showcase + "?outcome=failed&sort=-duration", 200);
		Document running = pages.add("batch, running", batch(landmarks.runningBatch()), 200);
		pages.add("run, markup-like text", run(landmarks.markupRun()), 200);
		pages.add("run, unicode text", run(landmarks.unicodeRun()), 200);
		pages.add("run, older dialect", run(landmarks.olderDialectRun()), 200);
		pages.add("run, long transcript", run(landmarks.longTranscriptRun()), 200);
		String runningRun = running.select("table.runs tbody tr:has(.verdict.running) a[href*=/runs/]").attr("href");
		assertThat(runningRun).as("a running run on the running batch's page").isNotEmpty();
		pages.add("run, still running", runningRun, 200);

		Document compare = pages.addFollowing("compare",
				agent + "/compare?head=" + landmarks.showcaseBatch().batchId());
		String diff = compare.select("a[href*=/diff?]").attr("href");
		assertThat(diff).as("a transcript diff link on the compare page").isNotEmpty();
		pages.add("transcript diff", diff, 200);
		DemoData.Batch oldest = this.demo.batches(landmarks.agent())
			.stream()
			.min(Comparator.comparing(DemoData.Batch::createdDate))
			.orElseThrow();
		pages.add("compare, no batch before", agent + "/compare?head=" + oldest.batchId(), 200);
		pages.add("test case history", agent + "/test-cases/" + landmarks.longTranscriptRun().testCase().testCaseId(),
				200);
		pages.add("flaky test cases", agent + "/flaky", 200);

		pages.add("search, nothing asked", agent + "/search", 200);
		pages.add("search, no match", agent + "/search?q=" + encode("zyzzyva -quux") + "&outcome=failed", 200);
		pages.add("search, only left out", agent + "/search?q=-refund", 200);

		pages.add("open, not an ID", "/open?id=" + encode("what is this?"), 200);
		pages.add("open, unknown job", "/open?id=job_NotArchivedAnywhere1", 200);
		pages.add("open, words from an agent's page", "/open?id=refund&agent=" + landmarks.agent().agentId(), 200);
		pages.add("admin", "/admin", 200);
		pages.add("sign out", "/logout", 200);
		pages.assertValid();
	}

	@Test
	void reviewPagesWhenCheckedThenHaveNoErrors() throws Exception {
		WebSession session = signedIn();
		Pages pages = new Pages(session);
		String agentId = this.demo.landmarks().agent().agentId();
		// A failure with another failure of its test case elsewhere: once the first is
		// reviewed, the second is offered that review as a suggestion.
		String reviewed = null;
		String offered = null;
		for (DemoData.Batch batch : this.demo.batches(this.demo.landmarks().agent())) {
			for (String listed : Jsoup.parse(session.get(batch(batch) + "?outcome=failed").body())
				.select("table.runs tbody a[href*=/runs/]")
				.eachAttr("href")) {
				// Without the batch view it was listed in, as the history links to it.
				String failure = listed.replaceFirst("\\?.*", "");
				DemoData.Run run = this.demo.run(failure.substring(failure.lastIndexOf('/') + 1)).orElseThrow();
				List<String> others = Jsoup
					.parse(session.get("/agents/" + agentId + "/test-cases/" + run.testCase().testCaseId()).body())
					.select("a.square.failed")
					.eachAttr("href")
					.stream()
					.filter((href) -> !href.equals(failure))
					.toList();
				if (!others.isEmpty()) {
					reviewed = failure;
					offered = others.get(0);
					break;
				}
			}
			if (reviewed != null) {
				break;
			}
		}
		assertThat(reviewed).as("a failure whose test case failed in another run too").isNotNull();

		Document unreviewed = pages.add("run, review form", reviewed, 200);
		assertThat(unreviewed.select("#review-panel .empty").text()).isEqualTo("Not reviewed yet.");
		String token = unreviewed.select("form#signout input[name=_csrf]").attr("value");
		String label = unreviewed.select("input[name=label][value~=.]").attr("value");
		String review = reviewed + "/review";
		String form = "_csrf=" + encode(token) + "&label=" + encode(label) + "&note="
				+ encode(DemoData.BOLD_TEXT + " " + DemoData.SCRIPT_TEXT) + "&ticket="
				+ encode("https://tracker.example.com/QA-1?a=1&b=2");
		assertThat(session.post(review, form + "&verdict=agree&version=0").statusCode()).isEqualTo(302);
		// Overturned at last: its batch marks it, and its agent's trend gets a reviewed
		// line.
		assertThat(session.post(review, form + "&verdict=pass&version=1").statusCode()).isEqualTo(302);
		Document saved = pages.add("run, reviewed twice", reviewed, 200);
		assertThat(saved.select("#review-panel .review-history")).isNotEmpty();
		pages.addPosted("review not saved, changed meanwhile", review, form + "&verdict=fail&version=0", 409);
		Document suggested = pages.add("run, offered a suggestion", offered, 200);
		assertThat(suggested.select(".review-suggestion")).isNotEmpty();
		String batch = reviewed.substring(0, reviewed.indexOf("/runs/"));
		Document queue = pages.add("batch, a failure reviewed", batch, 200);
		assertThat(queue.select("table.runs .review-mark.overturned")).isNotEmpty();
		pages.add("batch, reviewed runs only", batch + "?review=reviewed&label=" + encode(label), 200);
		pages.add("agent, with a reviewed line", "/agents/" + agentId, 200);
		pages.assertValid();
	}

	@Test
	void pinPagesWhenCheckedThenHaveNoErrors() throws Exception {
		WebSession session = signedIn();
		Pages pages = new Pages(session);
		DemoData.Landmarks landmarks = this.demo.landmarks();
		String agent = "/agents/" + landmarks.agent().agentId();
		String showcase = batch(landmarks.showcaseBatch());
		String token = csrf(session, showcase);
		assertThat(session.post(showcase + "/pin", "_csrf=" + encode(token) + "&name=" + encode("release <2.3> & co"))
			.statusCode()).isEqualTo(302);
		try {
			pages.add("batch, pinned and archiving", showcase, 200);
			// Every run of a pinned batch is archived: then the search finds them.
			await().atMost(Duration.ofMinutes(1))
				.until(() -> Jsoup.parse(session.get(showcase).body()).select("#pin .pin-progress").text(),
						(progress) -> progress.startsWith("All "));
			pages.add("batch, pinned", showcase, 200);
			pages.add("agent, with a pinned baseline", agent, 200);
			String head = this.demo.batches(landmarks.agent())
				.stream()
				.filter((batch) -> !batch.equals(landmarks.showcaseBatch()))
				.findFirst()
				.orElseThrow()
				.batchId();
			Document compare = pages.addFollowing("compare, with a pinned baseline", agent + "/compare?head=" + head);
			assertThat(compare.text()).contains("release <2.3> & co");
			await().atMost(Duration.ofMinutes(1)).until(() -> this.catalog.archiveBacklog() == 0);
			String search = agent + "/search?q=" + encode("\"can only be refunded\" -zyzzyva");
			await().atMost(Duration.ofMinutes(1))
				.until(() -> !Jsoup.parse(session.get(search).body()).select("ol.hits li.hit").isEmpty());
			pages.add("search, found", search, 200);
			pages.add("unpin, asked to confirm", showcase + "/unpin", 200);
		}
		finally {
			session.post(showcase + "/unpin", "_csrf=" + encode(csrf(session, showcase)));
		}
		pages.assertValid();
	}

	@Test
	void errorPagesWhenCheckedThenHaveNoErrors() throws Exception {
		WebSession session = signedIn();
		Pages pages = new Pages(session);
		String showcase = batch(this.demo.landmarks().showcaseBatch());
		pages.add("404, unknown run", showcase + "/runs/job_NoSuchRunAnywhere1", 404);
		pages.add("404, unknown address", "/no/such/page", 404);
		pages.add("400, malformed ID", "/agents/a%20b", 400);
		// Written by PlainErrorReportValve, not by a template.
		Document tomcat = pages.add("400, refused by Tomcat", "/agents/%00", 400);
		assertThat(tomcat.select("h1").text()).isEqualTo("Simboard can't serve this address");
		pages.addPosted("403, form without its token", showcase + "/refresh", "", 403);
		pages.assertValid();
	}

	private WebSession signedIn() throws Exception {
		WebSession session = new WebSession(this.port);
		assertThat(session.signIn("demo", "demo").statusCode()).isEqualTo(302);
		return session;
	}

	private static String csrf(WebSession session, String path) throws Exception {
		String token = Jsoup.parse(session.get(path).body()).select("form#signout input[name=_csrf]").attr("value");
		assertThat(token).as("the CSRF token on " + path).isNotEmpty();
		return token;
	}

	private static String batch(DemoData.Batch batch) {
		return "/agents/" + batch.agent().agentId() + "/batches/" + batch.batchId();
	}

	private static String run(DemoData.Run run) {
		return batch(run.batch()) + "/runs/" + run.jobId();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** Pages fetched in one session, by name, then checked all together. */
	private static final class Pages {

		private final WebSession session;

		private final Map<String, String> html = new LinkedHashMap<>();

		Pages(WebSession session) {
			this.session = session;
		}

		Document add(String name, String path, int status) throws Exception {
			return keep(name, path, this.session.get(path), status);
		}

		/** A page reached through the redirects its address answers with. */
		Document addFollowing(String name, String path) throws Exception {
			return keep(name, path, this.session.follow(this.session.get(path)), 200);
		}

		Document addPosted(String name, String path, String form, int status) throws Exception {
			return keep(name, "POST " + path, this.session.post(path, form), status);
		}

		private Document keep(String name, String path, HttpResponse<String> response, int status) {
			assertThat(response.statusCode()).as(name + ": " + path).isEqualTo(status);
			assertThat(response.headers().firstValue("Content-Type")).as(name + ": " + path)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
			this.html.put(name + " (" + path + ")", response.body());
			return Jsoup.parse(response.body());
		}

		void assertValid() {
			Map<String, List<Problem>> errors = new LinkedHashMap<>();
			this.html.forEach((page, body) -> {
				List<Problem> found = checker.errors(body);
				if (!found.isEmpty()) {
					errors.put(page, found);
				}
			});
			assertThat(errors)
				.withFailMessage(() -> "The Nu HTML Checker found errors:\n" + errors.entrySet()
					.stream()
					.map((entry) -> entry.getKey() + "\n"
							+ entry.getValue()
								.stream()
								.map((problem) -> "    " + problem)
								.collect(Collectors.joining("\n")))
					.collect(Collectors.joining("\n")))
				.isEmpty();
		}

	}

}
