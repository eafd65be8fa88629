package dev.simboard;

import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.simboard.demo.DemoData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * "What got worse since the last batch?" in a real Chromium: from a batch to the compare
 * page, and from a regression to its transcript diff.
 */
@BrowserTest
class CompareBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	DemoData demo;

	DemoBrowser browser;

	@BeforeEach
	void open(DemoBrowser browser) {
		this.browser = browser;
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	@Test
	void agentPageWhenOpenedThenShowsItsFlakyTestCasesWithLinksToTheirHistory() {
		try (BrowserContext context = this.browser.signedIn(url(""), new Browser.NewContextOptions())) {
			Page page = context.newPage();
			String agentId = this.demo.landmarks().agent().agentId();
			page.navigate(url("/agents/" + agentId));
			Locator slot = page.locator(".flaky-slot");
			assertThat(slot.locator("table.flaky-list, p.empty")).isVisible();
			if (slot.locator("table.flaky-list").count() > 0) {
				assertThat(slot.locator("table.flaky-list a[href*='/test-cases/']").first()).isVisible();
			}
		}
	}

	@Test
	void compareWhenFollowingARegressionThenShowsItsTranscriptDiff() {
		try (BrowserContext context = this.browser.signedIn(url(""),
				new Browser.NewContextOptions().setViewportSize(1280, 900))) {
			Page page = context.newPage();
			DemoData.Batch showcase = this.demo.landmarks().showcaseBatch();
			String agentId = this.demo.landmarks().agent().agentId();
			page.navigate(url("/agents/" + agentId + "/batches/" + showcase.batchId()));
			page.getByText("Compare with the previous batch").click();
			assertThat(page).hasURL(Pattern.compile(".*/compare\\?base=batch_\\w+&head=" + showcase.batchId() + ".*"));
			Locator regressions = page.locator("#group-regression");
			assertThat(regressions).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("compare.png"))
				.setFullPage(true));
			page.locator("a:has-text('Transcript diff')").first().click();
			assertThat(page).hasURL(Pattern.compile(".*/diff\\?.*"));
			assertThat(page.locator("ol.diff")).isVisible();
			assertThat(page.locator("ol.diff del, ol.diff ins").first()).isVisible();
			page.screenshot(
					new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("diff.png")).setFullPage(true));
		}
	}

}
