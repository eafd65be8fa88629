package dev.simboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.simboard.demo.DemoData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main journeys in a real Chromium (Debian's), on the embedded demo data. Screenshots
 * go to {@code target/screenshots}.
 */
@BrowserTest
class JourneyBrowserTests {

	static final Path SCREENSHOTS = Chromium.SCREENSHOTS;

	@LocalServerPort
	int port;

	@Autowired
	DemoData demo;

	DemoBrowser browser;

	BrowserContext context;

	Page page;

	final List<String> dialogs = new ArrayList<>();

	@BeforeEach
	void open(DemoBrowser browser) {
		this.browser = browser;
		this.context = browser.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
		this.page = guard(this.context.newPage());
	}

	/** Starts again signed in, for a test whose point is not the sign-in. */
	void openSignedIn(ColorScheme scheme) {
		this.context.close();
		this.context = this.browser.signedIn(url(""),
				new Browser.NewContextOptions().setViewportSize(1280, 900).setColorScheme(scheme));
		this.page = guard(this.context.newPage());
	}

	/** Transcript text must never run: any alert() means markup got through unescaped. */
	Page guard(Page target) {
		target.onDialog((dialog) -> {
			this.dialogs.add(dialog.message());
			dialog.dismiss();
		});
		return target;
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

	@Test
	void journeyFromAgentsToRunShowsVerdictAndConversation() {
		this.page.navigate(url("/"));
		assertThat(this.page).hasURL(url("/login"));
		shot("01-login");
		DemoBrowser.signIn(this.page);
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
		openSignedIn(ColorScheme.LIGHT);
		this.page.navigate(url("/agents"));
		this.page.locator("table.table tbody tr a").first().click();
		this.page.locator("tr:has(.verdict.finished) a").first().click();
		this.page.locator("table.runs tbody tr a").first().click();
		String permalink = this.page.url() + "#m2";

		try (BrowserContext colleague = this.browser.browser().newContext()) {
			Page other = guard(colleague.newPage());
			other.navigate(permalink);
			assertThat(other).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
			DemoBrowser.signIn(other);
			assertThat(other.locator("#m2")).isVisible();
			assertThat(other).hasURL(permalink);
		}
	}

	@Test
	void transcriptMarkupShowsAsTextAndOlderDialectRunShowsItsChat() {
		DemoData.Landmarks landmarks = this.demo.landmarks();
		openSignedIn(ColorScheme.LIGHT);
		this.page.navigate(url(runPath(landmarks.markupRun())));
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
		openSignedIn(ColorScheme.DARK);
		this.page.navigate(url("/agents"));
		this.page.locator("table.table tbody tr a").first().click();
		this.page.locator("tr:has(.verdict.finished) a").first().click();
		this.page.locator("table.runs tbody tr a").first().click();
		assertThat(this.page.locator(".verdict.big")).isVisible();
		String background = (String) this.page.evaluate("getComputedStyle(document.body).backgroundColor");
		assertThat(background).isEqualTo("rgb(15, 18, 22)");
		shot("06-run-dark");
	}

}
