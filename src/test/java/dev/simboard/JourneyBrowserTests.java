package dev.simboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.simboard.demo.DemoData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main journeys in a real Chromium (Debian's), on the embedded demo data. Screenshots
 * go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class JourneyBrowserTests {

	static final Path SCREENSHOTS = Chromium.SCREENSHOTS;

	static Chromium chromium;

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	DemoData demo;

	BrowserContext context;

	Page page;

	final List<String> dialogs = new ArrayList<>();

	@BeforeAll
	static void launch() throws Exception {
		chromium = Chromium.launch();
		browser = chromium.browser();
	}

	@AfterAll
	static void close() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@BeforeEach
	void open() {
		this.context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
		this.page = this.context.newPage();
		// Transcript text must never run: any alert() means markup got through unescaped.
		this.page.onDialog((dialog) -> {
			this.dialogs.add(dialog.message());
			dialog.dismiss();
		});
	}

	@AfterEach
	void closeContext() {
		this.context.close();
		assertThat(this.dialogs).as("dialogs opened by page content").isEmpty();
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	void shot(String name) {
		this.page
			.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	void signInAsDemoUser() {
		assertThat(this.page.locator(".notice.demo")).containsText("demo");
		this.page.fill("#username", "demo");
		this.page.fill("#password", "demo");
		this.page.click("button[type=submit]");
	}

	@Test
	void journeyFromAgentsToRunShowsVerdictAndConversation() {
		this.page.navigate(url("/"));
		assertThat(this.page).hasURL(url("/login"));
		shot("01-login");
		signInAsDemoUser();
		assertThat(this.page).hasURL(url("/agents"));
		assertThat(this.page.locator("h1")).hasText("Agents");
		shot("02-agents");

		this.page.locator("table.table tbody tr a").first().click();
		assertThat(this.page.locator("h2").first()).containsText("Batch runs");
		shot("03-agent");

		// The newest batch may still be running; open the newest finished one.
		this.page.locator("tr:has(.verdict.finished) a").first().click();
		assertThat(this.page.locator(".stats")).containsText("Pass rate");
		assertThat(this.page.locator("nav.crumbs")).containsText("Agents");
		shot("04-batch");

		this.page.locator("table.runs tbody tr a").first().click();
		assertThat(this.page.locator(".verdict.big")).isVisible();
		assertThat(this.page.locator(".verdict.big")).hasText(java.util.regex.Pattern.compile("Passed|Failed"));
		assertThat(this.page.locator("#m1")).isVisible();
		assertThat(this.page.locator("#m1 .text")).not().isEmpty();
		assertThat(this.page.locator(".judgement")).containsText("Success criteria");
		assertThat(this.page.locator(".judgement")).containsText("Judge's remarks");
		shot("05-run");
	}

	@Test
	void permalinkWithMessageFragmentComesBackAfterSignIn() {
		this.page.navigate(url("/"));
		signInAsDemoUser();
		this.page.locator("table.table tbody tr a").first().click();
		this.page.locator("tr:has(.verdict.finished) a").first().click();
		this.page.locator("table.runs tbody tr a").first().click();
		String permalink = this.page.url() + "#m2";

		try (BrowserContext colleague = browser.newContext()) {
			Page other = colleague.newPage();
			other.navigate(permalink);
			assertThat(other).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
			other.fill("#username", "demo");
			other.fill("#password", "demo");
			other.click("button[type=submit]");
			assertThat(other.locator("#m2")).isVisible();
			assertThat(other).hasURL(permalink);
		}
	}

	@Test
	void transcriptMarkupShowsAsTextAndOlderDialectRunShowsItsChat() {
		DemoData.Landmarks landmarks = this.demo.landmarks();
		this.page.navigate(url(runPath(landmarks.markupRun())));
		signInAsDemoUser();
		assertThat(this.page.locator("ol.chat")).containsText(DemoData.SCRIPT_TEXT);
		assertThat(this.page.locator("ol.chat script")).hasCount(0);
		assertThat(this.page.locator("ol.chat b")).hasCount(0);

		this.page.navigate(url(runPath(landmarks.olderDialectRun())));
		assertThat(this.page.locator(".verdict.big")).hasText(java.util.regex.Pattern.compile("Passed|Failed"));
		assertThat(this.page.locator("#transcript-heading")).containsText("from chat");
		assertThat(this.page.locator("#m1")).isVisible();
		shot("07-older-dialect-run");
	}

	private static String runPath(DemoData.Run run) {
		return "/agents/" + run.agent().agentId() + "/batches/" + run.batch().batchId() + "/runs/" + run.jobId();
	}

	@Test
	void runPageInDarkModeIsReadable() {
		try (BrowserContext dark = browser
			.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setColorScheme(ColorScheme.DARK))) {
			Page darkPage = dark.newPage();
			darkPage.navigate(url("/login"));
			darkPage.fill("#username", "demo");
			darkPage.fill("#password", "demo");
			darkPage.click("button[type=submit]");
			darkPage.locator("table.table tbody tr a").first().click();
			darkPage.locator("tr:has(.verdict.finished) a").first().click();
			darkPage.locator("table.runs tbody tr a").first().click();
			assertThat(darkPage.locator(".verdict.big")).isVisible();
			String background = (String) darkPage.evaluate("getComputedStyle(document.body).backgroundColor");
			assertThat(background).isEqualTo("rgb(15, 18, 22)");
			darkPage.screenshot(
					new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("06-run-dark.png")).setFullPage(true));
		}
	}

}
