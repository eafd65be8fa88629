package dev.simboard;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Clock;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.ColorScheme;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.simboard.demo.DemoData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily workflows of a QA lead in a real Chromium (Debian's), on the embedded demo
 * data: filtered batch links, run navigation by keyboard, copied permalinks, transcript
 * search and folding, exports, live batches, quick open, theme, shortcuts and an axe-core
 * accessibility check. Screenshots for the README go to {@code target/screenshots}.
 */
@BrowserTest
class WorkflowBrowserTests {

	static final Path SCREENSHOTS = Chromium.SCREENSHOTS;

	static final Pattern LOGIN = Pattern.compile(".*/login.*");

	/**
	 * The job ID of the showcase batch's first failed run, as its batch page lists it.
	 */
	static String firstFailedJob;

	@LocalServerPort
	int port;

	@Autowired
	DemoData demo;

	DemoBrowser browser;

	BrowserContext context;

	Page page;

	final List<String> dialogs = new CopyOnWriteArrayList<>();

	final List<String> cspViolations = new CopyOnWriteArrayList<>();

	@AfterAll
	static void forget() {
		firstFailedJob = null;
	}

	@BeforeEach
	void open(DemoBrowser browser) {
		this.browser = browser;
		this.context = signedInContext(ColorScheme.LIGHT);
		this.page = guard(this.context.newPage());
	}

	@AfterEach
	void closeContext() {
		this.context.close();
		assertThat(this.dialogs).as("dialogs opened by page content").isEmpty();
		assertThat(this.cspViolations).as("Content-Security-Policy violations reported").isEmpty();
	}

	// 1. Batch filters live in the URL.

	@Test
	void batchPageWhenFilteredByFailedThenListsOnlyFailedRuns() {
		DemoData.Batch batch = this.demo.landmarks().showcaseBatch();
		this.page.navigate(url(batchPath(batch) + "?outcome=failed"));
		Locator rows = this.page.locator("table.runs tbody tr");
		int failed = rows.count();
		assertThat(failed).isEqualTo(batch.failedAttempts()).isPositive();
		assertThat(this.page.locator("table.runs tbody tr .verdict.failed")).hasCount(failed);
		assertThat(this.page.locator("table.runs .verdict.passed")).hasCount(0);
		assertThat(this.page.locator("table.runs .verdict.running")).hasCount(0);
		assertThat(this.page.locator("#runs-heading .count"))
			.hasText("(" + failed + " of " + batch.totalAttempts() + " match)");
		assertThat(this.page.locator("form.filters select[name=outcome]")).hasValue("failed");
	}

	@Test
	void batchFilterFormWhenSubmittedThenKeepsFiltersInUrl() {
		DemoData.Batch batch = this.demo.landmarks().showcaseBatch();
		this.page.navigate(url(batchPath(batch)));
		assertThat(this.page.locator("#runs-heading .count")).hasText("(" + batch.totalAttempts() + ")");
		this.page.selectOption("form.filters select[name=outcome]", "failed");
		this.page.selectOption("form.filters select[name=sort]", "-duration");
		this.page.click("form.filters button[type=submit]");
		assertThat(this.page).hasURL(Pattern.compile(".*[?&]outcome=failed(&.*)?$"));
		assertThat(this.page.url()).startsWith(url(batchPath(batch) + "?")).containsPattern("[?&]sort=-duration(&|$)");
		// The form sends its "All" choices as empty parameters; the page must take them
		// as "all".
		assertThat(this.page.locator("main h1")).containsText("Batch run");
		assertThat(this.page.locator("#runs-heading .count"))
			.hasText("(" + batch.failedAttempts() + " of " + batch.totalAttempts() + " match)");
		assertThat(this.page.locator("form.filters select[name=outcome]")).hasValue("failed");
		assertThat(this.page.locator("form.filters select[name=sort]")).hasValue("-duration");
		assertThat(this.page.locator("table.runs tbody tr")).hasCount(batch.failedAttempts());
		assertThat(this.page.locator("table.runs tbody tr .verdict.failed")).hasCount(batch.failedAttempts());
		assertThat(this.page.locator("form.filters a", new Page.LocatorOptions().setHasText("Clear")))
			.hasAttribute("href", batchPath(batch));
	}

	@Test
	void batchPageWhenSortedByLongestFirstThenOrdersRowsByDuration() {
		DemoData.Batch batch = this.demo.landmarks().showcaseBatch();
		this.page.navigate(url(batchPath(batch) + "?sort=-duration"));
		List<String> shown = this.page.locator("table.runs tbody tr td.num").allTextContents();
		assertThat(shown).hasSize(batch.totalAttempts());
		List<Long> millis = shown.stream().map(WorkflowBrowserTests::millis).toList();
		assertThat(millis).as("durations shown " + shown).isSortedAccordingTo((a, b) -> Long.compare(b, a));
		assertThat(millis.get(0)).isGreaterThan(millis.get(millis.size() - 1));

		// The JSON export agrees on the longest run.
		String json = this.page.request().get(url(batchPath(batch) + "/export.json")).text();
		List<Long> exported = new ArrayList<>();
		Matcher matcher = Pattern.compile("\"durationSeconds\"\\s*:\\s*(\\d+)").matcher(json);
		while (matcher.find()) {
			exported.add(Long.parseLong(matcher.group(1)));
		}
		assertThat(exported).hasSize(batch.totalAttempts());
		assertThat(millis.get(0) / 1000).isEqualTo(exported.stream().mapToLong(Long::longValue).max().getAsLong());
	}

	@Test
	void sharedFilteredLinkWhenOpenedInNewContextThenShowsSameRowsAfterSignIn() {
		DemoData.Batch batch = this.demo.landmarks().showcaseBatch();
		String link = url(batchPath(batch) + "?outcome=failed&sort=-duration");
		this.page.navigate(link);
		List<String> mine = jobIds(this.page);
		assertThat(mine).hasSize(batch.failedAttempts());

		try (BrowserContext colleague = this.browser.browser()
			.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
			Page other = guard(colleague.newPage());
			other.navigate(link);
			assertThat(other).hasURL(LOGIN);
			DemoBrowser.signIn(other);
			assertThat(other).hasURL(link);
			assertThat(other.locator("form.filters select[name=outcome]")).hasValue("failed");
			assertThat(jobIds(other)).isEqualTo(mine);
		}
	}

	// 2. Run navigation within the batch view.

	@Test
	void runPageWhenPressingJAndKThenMovesWithinFilteredView() {
		DemoData.Batch batch = this.demo.landmarks().showcaseBatch();
		this.page.navigate(url(batchPath(batch) + "?outcome=failed"));
		List<String> jobs = jobIds(this.page);
		assertThat(jobs).hasSizeGreaterThanOrEqualTo(2);
		this.page.locator("table.runs tbody tr a").first().click();
		String first = url(batchPath(batch) + "/runs/" + jobs.get(0) + "?outcome=failed");
		assertThat(this.page).hasURL(first);
		assertThat(this.page.locator(".verdict.big")).hasText("Failed");
		assertThat(this.page.locator("nav.run-nav a[data-run-nav=previous]")).hasCount(0);
		assertThat(this.page.locator("nav.run-nav")).containsText("Run 1 of " + jobs.size() + " in this view");

		this.page.keyboard().press("j");
		assertThat(this.page).hasURL(url(batchPath(batch) + "/runs/" + jobs.get(1) + "?outcome=failed"));
		assertThat(this.page.locator(".verdict.big")).hasText("Failed");
		assertThat(this.page.locator("nav.run-nav")).containsText("Run 2 of " + jobs.size() + " in this view");

		this.page.keyboard().press("k");
		assertThat(this.page).hasURL(first);
		assertThat(this.page.locator("nav.run-nav")).containsText("Run 1 of " + jobs.size() + " in this view");
	}

	@Test
	void runPermalinkWithMessageFragmentThenTargetsThatMessage() {
		DemoData.Run run = this.demo.landmarks().longTranscriptRun();
		this.page.navigate(url(runPath(run) + "#m3"));
		assertThat(this.page.locator("#m3")).isVisible();
		assertThat(this.page.locator("#m3")).isInViewport();
		assertThat(this.page.evaluate("document.querySelector(':target').id")).isEqualTo("m3");
	}

	// 3. Copy link.

	@Test
	void copyButtonsWhenClickedThenPutAbsolutePermalinksOnClipboard() {
		this.context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
		DemoData.Run run = firstFailedRun();
		String permalink = url(runPath(run));
		this.page.navigate(permalink + "?outcome=failed");

		this.page.click(".page-head button.copy[data-copy]");
		assertThat(clipboardOnceItIs(permalink)).isEqualTo(permalink);

		this.page.click("#m2 button.copy[data-copy]");
		String message = clipboardOnceItIs(permalink + "#m2");
		assertThat(message).isEqualTo(permalink + "#m2").endsWith("#m2");
	}

	// 4. Transcript search.

	@Test
	void transcriptSearchWhenTypingAWordThenCountsAndMarksMatches() {
		this.page.navigate(url(runPath(firstFailedRun())));
		String first = this.page.locator("#m1 .text").textContent();
		Matcher words = Pattern.compile("\\p{L}{4,}").matcher(first);
		assertThat(words.find()).as("a word in " + first).isTrue();
		String word = words.group();

		this.page.fill("#transcript-search", word);
		assertThat(this.page.locator("#search-count")).hasText(Pattern.compile("\\d+ match(es)? in \\d+ messages?"));
		int marks = this.page.locator("ol.chat mark").count();
		assertThat(marks).isPositive();
		assertThat(this.page.locator("#search-count")).containsText(marks + (marks == 1 ? " match" : " matches"));
		assertThat(this.page.locator("#m1 .text mark").first()).hasText(word,
				new LocatorAssertions.HasTextOptions().setIgnoreCase(true));

		this.page.press("#transcript-search", "Enter");
		assertThat(this.page.locator("ol.chat mark.current")).hasCount(1);
		assertThat(this.page.locator("ol.chat mark.current")).isInViewport();

		this.page.fill("#transcript-search", "zzqqxxnotaword");
		assertThat(this.page.locator("#search-count")).hasText("No match");
		assertThat(this.page.locator("ol.chat mark")).hasCount(0);
	}

	// 5. Folding.

	@Test
	void longTranscriptRunWhenOpenedThenFoldsLongMessageUntilUnfolded() {
		this.page.navigate(url(runPath(this.demo.landmarks().longTranscriptRun())));
		assertThat(this.page.locator("ol.chat li.turn")).hasCount(this.demo.properties().longTranscriptTurns());
		Locator folded = this.page.locator("li.turn.folded");
		assertThat(folded.count()).isPositive();
		String id = folded.first().getAttribute("id");
		Locator turn = this.page.locator("#" + id);
		double foldedHeight = turn.boundingBox().height;
		assertThat(turn.locator(".unfold")).hasAttribute("aria-expanded", "false");

		turn.locator(".unfold").click();
		assertThat(turn).not().hasClass(Pattern.compile("\\bfolded\\b"));
		assertThat(turn.locator(".unfold")).hasAttribute("aria-expanded", "true");
		assertThat(turn.boundingBox().height).isGreaterThan(foldedHeight);
	}

	// 6. Exports.

	@Test
	void batchCsvExportWhenFetchedThenHasHeaderAndOneRowPerRun() throws IOException {
		DemoData.Batch batch = this.demo.landmarks().showcaseBatch();
		this.page.navigate(url(batchPath(batch)));
		List<String> shown = jobIds(this.page);
		assertThat(shown).hasSize(batch.totalAttempts());

		APIResponse response = this.page.request().get(url(batchPath(batch) + "/export.csv"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().get("content-type")).startsWith("text/csv");
		String csv = response.text();
		assertThat(csv).startsWith("\uFEFF");
		List<CSVRecord> records;
		try (CSVParser parser = CSVParser.parse(new StringReader(csv.substring(1)), CSVFormat.RFC4180)) {
			records = parser.getRecords();
		}
		assertThat(records.get(0).toList()).containsExactly("job_id", "test_case", "test_case_id", "attempt", "outcome",
				"created", "completed", "duration_seconds", "remarks", "permalink", "review_verdict",
				"reviewed_outcome", "review_label", "review_note", "review_ticket", "reviewed_by", "reviewed_at");
		List<CSVRecord> rows = records.subList(1, records.size());
		assertThat(rows).hasSize(shown.size());
		assertThat(rows.stream().map((row) -> row.get(0)).toList()).containsExactlyInAnyOrderElementsOf(shown);
		assertThat(rows.stream().filter((row) -> "failed".equals(row.get(4))).count())
			.isEqualTo(batch.failedAttempts());
		assertThat(rows.get(0).get(9)).startsWith(url(batchPath(batch) + "/runs/job_"));
	}

	@Test
	void runMarkdownExportWhenFetchedThenHasConversationWithAnchors() {
		DemoData.Run run = firstFailedRun();
		this.page.navigate(url(runPath(run)));
		APIResponse response = this.page.request().get(url(runPath(run) + "/export.md"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().get("content-type")).startsWith("text/markdown");
		assertThat(response.text()).contains("## Conversation").contains("#m1").contains(run.jobId());
	}

	// 7. Live batch. The pages' clock is paused and moved on by the tests, so "every 10
	// s"
	// and "never again" are checked without waiting for either.

	@Test
	void runningBatchPageWhenOpenThenRefreshesEvery10sKeepingItsFiltersAndFinishedOneNever() {
		DemoData.Landmarks landmarks = this.demo.landmarks();
		pausePageTime();
		Page finished = guard(this.context.newPage());
		finished.navigate(url(batchPath(landmarks.showcaseBatch())));
		assertThat(finished.locator("#live")).hasAttribute("data-running", "false");
		countHtmxRequests(finished);
		String running = batchPath(landmarks.runningBatch());
		this.page.navigate(url(running + "?sort=-duration"));
		assertThat(this.page.locator("#live")).hasAttribute("data-running", "true");
		countHtmxRequests(this.page);

		this.context.clock().runFor(9_000);
		assertThat(htmxRequests(this.page)).isZero();
		Request live = this.page.waitForRequest((request) -> request.url().contains("/live"),
				() -> this.context.clock().runFor(1_000));
		assertThat(live.url()).isEqualTo(url(running + "/live?sort=-duration"));
		assertThat(live.response().status()).isEqualTo(200);
		this.page.waitForCondition(() -> htmxAnswers(this.page) == 1);
		assertThat(this.page.locator("#live")).hasAttribute("data-running", "true");
		assertThat(this.page.locator("#live table.runs")).isVisible();

		// The new part asks again 10 s after htmx has settled it in (20 ms).
		this.context.clock().runFor(10_020);
		assertThat(htmxRequests(this.page)).isEqualTo(2);
		assertThat(htmxRequests(finished)).isZero();
	}

	/**
	 * The demo's running batch never finishes: its refreshes get a finished batch's
	 * answer instead.
	 */
	private void refreshesAnswerWithAFinishedBatch(DemoData.Landmarks landmarks) {
		String finishedLive = url(batchPath(landmarks.showcaseBatch()) + "/live");
		this.page.route(Pattern.compile(".*/live(\\?.*)?"), (route) -> route.fulfill(
				new Route.FulfillOptions().setResponse(route.fetch(new Route.FetchOptions().setUrl(finishedLive)))));
	}

	@Test
	void runningBatchPageWhenTheBatchFinishesThenShowsItSaysSoAndAsksNoMore() {
		DemoData.Landmarks landmarks = this.demo.landmarks();
		refreshesAnswerWithAFinishedBatch(landmarks);
		pausePageTime();
		this.page.navigate(url(batchPath(landmarks.runningBatch())));
		assertThat(this.page.locator("#live")).hasAttribute("data-running", "true");
		countHtmxRequests(this.page);

		this.context.clock().runFor(10_000);
		assertThat(this.page.locator("#live")).hasAttribute("data-running", "false");
		assertThat(this.page.locator("#announcer")).hasText("The batch has finished.");
		assertThat(this.page.locator("#live .live-note")).hasCount(0);
		assertThat(htmxRequests(this.page)).isEqualTo(1);

		this.context.clock().runFor(60_000);
		assertThat(htmxRequests(this.page)).isEqualTo(1);
	}

	@Test
	void runningBatchPageWhenSomeoneIsUsingTheFiltersThenWaitsForThemToLeave() {
		DemoData.Landmarks landmarks = this.demo.landmarks();
		refreshesAnswerWithAFinishedBatch(landmarks);
		pausePageTime();
		this.page.navigate(url(batchPath(landmarks.runningBatch())));
		countHtmxRequests(this.page);
		this.page.focus("form.filters input[name=q]");

		this.context.clock().runFor(10_000);
		this.page.waitForCondition(() -> htmxAnswers(this.page) == 1);
		assertThat(this.page.locator("#live")).hasAttribute("data-running", "true");
		assertThat(this.page.locator("form.filters input[name=q]")).isFocused();

		this.page.locator("form.filters input[name=q]").blur();
		this.context.clock().runFor(10_000);
		assertThat(this.page.locator("#live")).hasAttribute("data-running", "false");
	}

	@Test
	void batchAndAgentPagesWhenHtmxHasWorkedThenNoContentSecurityPolicyViolation() {
		DemoData.Landmarks landmarks = this.demo.landmarks();
		pausePageTime();
		this.page.navigate(url(batchPath(landmarks.runningBatch())));
		countHtmxRequests(this.page);
		this.context.clock().runFor(10_000);
		this.page.waitForCondition(() -> htmxAnswers(this.page) == 1);
		assertThat(this.page.locator("style")).hasCount(0);

		this.page.navigate(url("/agents/" + landmarks.agent().agentId()));
		assertThat(this.page.locator(".flaky-slot .flaky-result")).isAttached();
		assertThat(this.page).hasTitle(landmarks.agent().name() + " · Simboard");
		assertThat(this.page.locator("style")).hasCount(0);
		assertThat(this.cspViolations).as("Content-Security-Policy violations").isEmpty();
	}

	// 8. Quick open.

	@Test
	void quickOpenWhenGivenAgentIdThenOpensAgentPage() {
		DemoData.Agent agent = this.demo.landmarks().agent();
		this.page.navigate(url("/agents"));
		this.page.keyboard().press("/");
		assertThat(this.page.locator("#quick-open")).isFocused();
		this.page.keyboard().type(agent.agentId());
		this.page.keyboard().press("Enter");
		assertThat(this.page).hasURL(url("/agents/" + agent.agentId()));
		assertThat(this.page.locator("h1")).hasText(agent.name());
	}

	@Test
	void quickOpenWhenGivenBatchIdThenOpensBatchPage() {
		DemoData.Batch batch = this.demo.landmarks().showcaseBatch();
		this.page.navigate(url("/agents"));
		this.page.fill("#quick-open", batch.batchId());
		this.page.press("#quick-open", "Enter");
		assertThat(this.page).hasURL(url(batchPath(batch)));
		assertThat(this.page.locator("h1")).containsText(batch.batchId());
	}

	@Test
	void quickOpenWhenGivenLoneJobIdNotArchivedThenOffersTheFormWithAgentAndBatch() {
		DemoData.Run run = firstFailedRun();
		String unknown = "job_NotInTheDemo0001";
		this.page.navigate(url("/agents"));
		this.page.fill("#quick-open", unknown);
		this.page.press("#quick-open", "Enter");
		assertThat(this.page).hasURL(url("/open?id=" + unknown));
		assertThat(this.page.locator("main .notice")).containsText("has not archived a run with " + unknown);
		assertThat(this.page.locator("#open-job")).hasValue(unknown);
		this.page.fill("#open-agent", run.batch().agent().agentId());
		this.page.fill("#open-batch", run.batch().batchId());
		this.page.fill("#open-job", run.jobId());
		this.page.click("text=Open the run");
		assertThat(this.page).hasURL(url("/agents/" + run.batch().agent().agentId() + "/batches/"
				+ run.batch().batchId() + "/runs/" + run.jobId()));
		assertThat(this.page.locator(".verdict.big")).isVisible();
	}

	// 9. Theme.

	@Test
	void themeToggleWhenClickedThenFlipsIsRememberedAndTKeyFlipsBack() {
		this.page.navigate(url("/agents"));
		assertThat(this.page.locator("html")).not().hasAttribute("data-theme", Pattern.compile(".*"));
		String light = background(this.page);

		this.page.click("button.theme-toggle");
		assertThat(this.page.locator("html")).hasAttribute("data-theme", "dark");
		String dark = background(this.page);
		assertThat(dark).isNotEqualTo(light);

		this.page.reload();
		assertThat(this.page.locator("html")).hasAttribute("data-theme", "dark");
		assertThat(background(this.page)).isEqualTo(dark);

		this.page.keyboard().press("t");
		assertThat(this.page.locator("html")).hasAttribute("data-theme", "light");
		assertThat(background(this.page)).isEqualTo(light);
		this.page.reload();
		assertThat(this.page.locator("html")).hasAttribute("data-theme", "light");
	}

	// 10. Shortcuts.

	@Test
	void questionMarkWhenPressedThenOpensShortcutsAndEscapeClosesThem() {
		this.page.navigate(url(batchPath(this.demo.landmarks().showcaseBatch())));
		Locator dialog = this.page.locator("dialog#shortcuts");
		assertThat(dialog).isHidden();
		this.page.keyboard().press("?");
		assertThat(dialog).isVisible();
		assertThat(dialog).hasAttribute("open", "");
		assertThat(dialog).containsText("Keyboard shortcuts");
		this.page.keyboard().press("Escape");
		assertThat(dialog).isHidden();
	}

	// 11. Accessibility.

	@Test
	void pagesInLightThemeHaveNoSeriousOrCriticalAxeViolations() {
		assertNoSeriousAxeViolations(this.page);
	}

	@Test
	void pagesInDarkThemeHaveNoSeriousOrCriticalAxeViolations() {
		try (BrowserContext dark = signedInContext(ColorScheme.DARK)) {
			assertNoSeriousAxeViolations(guard(dark.newPage()));
		}
	}

	// 12. Screenshots for the README.

	@Test
	void batchAndRunPagesWhenShotInLightAndDarkThenScreenshotsAreWritten() {
		DemoData.Batch batch = this.demo.landmarks().showcaseBatch();
		DemoData.Run run = firstFailedRun();
		shoot(this.page, batch, run, "light");
		try (BrowserContext dark = signedInContext(ColorScheme.DARK)) {
			shoot(guard(dark.newPage()), batch, run, "dark");
		}
		for (String name : List.of("batch-light", "batch-dark", "run-light", "run-dark")) {
			assertThat(SCREENSHOTS.resolve(name + ".png")).isNotEmptyFile();
		}
	}

	private void shoot(Page target, DemoData.Batch batch, DemoData.Run run, String theme) {
		target.navigate(url(batchPath(batch)));
		assertThat(target.locator("table.runs")).isVisible();
		target.screenshot(
				new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("batch-" + theme + ".png")).setFullPage(true));
		target.navigate(url(runPath(run)));
		assertThat(target.locator(".verdict.big")).hasText("Failed");
		target.screenshot(
				new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("run-" + theme + ".png")).setFullPage(true));
	}

	private void assertNoSeriousAxeViolations(Page target) {
		DemoData.Landmarks landmarks = this.demo.landmarks();
		List<String> pages = List.of("/agents", "/agents/" + landmarks.agent().agentId(),
				batchPath(landmarks.showcaseBatch()), runPath(firstFailedRun()));
		List<String> found = new ArrayList<>();
		for (String path : pages) {
			target.navigate(url(path));
			assertThat(target.locator("main h1")).isVisible();
			for (Rule rule : new AxeBuilder(target).setLegacyMode(true).analyze().getViolations()) {
				if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
					for (CheckedNode node : rule.getNodes()) {
						found.add(path + ": " + rule.getId() + " (" + rule.getImpact() + ") at " + node.getTarget()
								+ ": " + rule.getHelp() + " [" + node.getFailureSummary().replace('\n', ' ') + "] "
								+ node.getHtml());
					}
				}
			}
		}
		assertThat(found).as("axe violations of impact serious or critical:%n%s", String.join("\n", found)).isEmpty();
	}

	// Helpers.

	BrowserContext signedInContext(ColorScheme scheme) {
		return this.browser.signedIn(url(""),
				new Browser.NewContextOptions().setViewportSize(1280, 900).setColorScheme(scheme));
	}

	/**
	 * Transcript text must never run: any alert() means markup got through unescaped. And
	 * nothing, htmx included, may need more than the Content-Security-Policy allows.
	 */
	Page guard(Page target) {
		target.onDialog((dialog) -> {
			this.dialogs.add(dialog.message());
			dialog.dismiss();
		});
		target.onConsoleMessage((message) -> {
			if (message.text().contains("Content Security Policy")) {
				this.cspViolations.add(target.url() + ": " + message.text());
			}
		});
		return target;
	}

	/** Stops the pages' clock: from now on their timers fire only as a test moves it. */
	void pausePageTime() {
		Instant start = Instant.parse("2026-03-27T09:00:00Z");
		this.context.clock().install(new Clock.InstallOptions().setTime(start.toEpochMilli()));
		this.context.clock().pauseAt(start.plusSeconds(60).toEpochMilli());
	}

	/**
	 * Counts, from now on, the requests htmx sends from the page and the answers it gets.
	 */
	static void countHtmxRequests(Page target) {
		target.evaluate("() => { window.htmxRequests = 0; window.htmxAnswers = 0;"
				+ " document.addEventListener('htmx:beforeRequest', () => window.htmxRequests++);"
				+ " document.addEventListener('htmx:afterRequest', () => window.htmxAnswers++); }");
	}

	static int htmxRequests(Page target) {
		return ((Number) target.evaluate("window.htmxRequests")).intValue();
	}

	static int htmxAnswers(Page target) {
		return ((Number) target.evaluate("window.htmxAnswers")).intValue();
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** The first failed run of the showcase batch in its default order (by test case). */
	DemoData.Run firstFailedRun() {
		if (firstFailedJob == null) {
			Page batchPage = guard(this.context.newPage());
			batchPage.navigate(url(batchPath(this.demo.landmarks().showcaseBatch()) + "?outcome=failed"));
			firstFailedJob = jobIds(batchPage).get(0);
			batchPage.close();
		}
		return this.demo.run(firstFailedJob).orElseThrow();
	}

	String clipboardOnceItIs(String expected) {
		// Waits until the clipboard holds it (Playwright's timeout ends a wait that never
		// comes true), then reads it once more for the assertion to report.
		try {
			this.page.waitForCondition(() -> expected.equals(this.page.evaluate("navigator.clipboard.readText()")));
		}
		catch (com.microsoft.playwright.TimeoutError ex) {
			// The assertion below says what the clipboard held instead.
		}
		return (String) this.page.evaluate("navigator.clipboard.readText()");
	}

	static List<String> jobIds(Page target) {
		return target.locator("table.runs tbody tr code").allTextContents();
	}

	static String background(Page target) {
		return (String) target.evaluate("getComputedStyle(document.body).backgroundColor");
	}

	static String batchPath(DemoData.Batch batch) {
		return "/agents/" + batch.agent().agentId() + "/batches/" + batch.batchId();
	}

	static String runPath(DemoData.Run run) {
		return batchPath(run.batch()) + "/runs/" + run.jobId();
	}

	/** {@code 850 ms}, {@code 42 s}, {@code 2m 05s} or {@code 1h 02m} in milliseconds. */
	static long millis(String duration) {
		String text = duration.strip();
		Matcher matcher = Pattern.compile("(\\d+) ms|(\\d+) s|(\\d+)m (\\d+)s|(\\d+)h (\\d+)m").matcher(text);
		assertThat(matcher.matches()).as("a duration: " + text).isTrue();
		if (matcher.group(1) != null) {
			return Long.parseLong(matcher.group(1));
		}
		if (matcher.group(2) != null) {
			return Long.parseLong(matcher.group(2)) * 1000;
		}
		if (matcher.group(3) != null) {
			return (Long.parseLong(matcher.group(3)) * 60 + Long.parseLong(matcher.group(4))) * 1000;
		}
		return (Long.parseLong(matcher.group(5)) * 3600 + Long.parseLong(matcher.group(6)) * 60) * 1000;
	}

}
