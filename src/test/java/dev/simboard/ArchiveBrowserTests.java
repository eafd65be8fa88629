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
import static org.awaitility.Awaitility.await;

/**
 * "Did the agent say this anywhere else?" in a real Chromium: a batch read once is
 * archived; a quoted phrase finds it, and the hit opens the run at its message.
 */
@BrowserTest
class ArchiveBrowserTests {

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
	void searchWhenPhraseQuotedThenFindsTheArchivedRunAndOpensItAtTheMessage() {
		try (BrowserContext context = this.browser.signedIn(url(""),
				new Browser.NewContextOptions().setViewportSize(1280, 900))) {
			Page page = context.newPage();
			String agentId = this.demo.landmarks().agent().agentId();
			DemoData.Batch showcase = this.demo.landmarks().showcaseBatch();
			page.navigate(url("/agents/" + agentId + "/batches/" + showcase.batchId()));
			assertThat(page.locator("table.runs tbody tr").first()).isVisible();

			// The batch's runs are archived in the background: search until they are
			// there.
			page.navigate(url("/agents/" + agentId));
			Locator box = page.locator("form[action$='/search'] input[name=q]");
			box.fill("\"can only be refunded\"");
			box.press("Enter");
			assertThat(page).hasURL(Pattern.compile(".*/agents/" + agentId + "/search\\?q=.*"));
			String search = page.url();
			await().until(() -> {
				page.navigate(search);
				return page.locator("ol.hits li.hit").count() > 0;
			});
			Locator hit = page.locator("ol.hits li.hit").first();
			assertThat(hit.locator("mark").first())
				.hasText(Pattern.compile("can only be refunded", Pattern.CASE_INSENSITIVE));
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("search.png"))
				.setFullPage(false));

			hit.locator("a.where", new Locator.LocatorOptions().setHasText("Message")).first().click();
			assertThat(page).hasURL(Pattern.compile(".*/runs/job_\\w+#m\\d+$"));
			String target = page.url().substring(page.url().indexOf('#') + 1);
			assertThat(page.locator("#" + target)).isInViewport();
			assertThat(page.locator("#" + target + " .text")).containsText("can only be refunded");
		}
	}

}
