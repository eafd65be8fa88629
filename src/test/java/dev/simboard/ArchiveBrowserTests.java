package dev.simboard;

import java.time.Duration;
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
 * "Did the agent say this anywhere else?" in a real Chromium: a batch pinned as a
 * baseline is archived whole; a quoted phrase finds its run, and the hit opens the run at
 * its message; unpinning asks first.
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
			String batchPage = url("/agents/" + agentId + "/batches/" + showcase.batchId());
			page.navigate(batchPage);
			assertThat(page.locator("table.runs tbody tr").first()).isVisible();

			// Pinned, the batch's runs are all archived in the background, with progress
			// on
			// its page (asked for again every 10 s; reloading is quicker).
			page.fill("#pin-name", "release 2.3");
			page.locator("form.pin-form button[type=submit]").click();
			assertThat(page.locator("#pin .pin-name")).hasText("release 2.3");
			await().atMost(Duration.ofMinutes(1)).until(() -> {
				page.reload();
				return page.locator("#pin .pin-progress").textContent().startsWith("All ");
			});
			page.navigate(url("/agents/" + agentId));
			assertThat(page.locator("section.pins")).containsText("release 2.3");
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

			// Unpinning asks first; then the batch may be pinned again.
			page.navigate(batchPage);
			page.locator("#pin a.unpin").click();
			assertThat(page.locator("p.confirm")).containsText("release 2.3");
			page.locator("form.unpin-form button[type=submit]").click();
			assertThat(page.locator("form.pin-form")).isVisible();
		}
	}

}
