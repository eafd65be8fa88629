package dev.simboard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.simboard.demo.DemoData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Triage by keyboard in a real Chromium: from a batch's first unreviewed failure, a label
 * key saves a review and {@code n} moves on, three times; the batch page then counts
 * them.
 */
@BrowserTest
class ReviewBrowserTests {

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
	void triageWhenLabelledByKeysThenTheBatchCountsThreeReviewed() {
		try (BrowserContext context = this.browser.signedIn(url(""),
				new Browser.NewContextOptions().setViewportSize(1280, 900))) {
			Page page = context.newPage();
			String agentId = this.demo.landmarks().agent().agentId();
			String batchPage = firstBatchWithThreeUnreviewedFailures(page, agentId);
			String queue = page.locator(".review-queue strong").textContent();
			int failures = Integer.parseInt(queue.replaceAll("^\\d+ of (\\d+) failures reviewed$", "$1"));
			int before = Integer.parseInt(queue.replaceAll("^(\\d+) of .*", "$1"));
			page.navigate(url(page.locator(".review-queue a.button").getAttribute("href")));
			page.waitForLoadState(LoadState.LOAD);

			for (int label = 1; label <= 3; label++) {
				String run = page.url();
				assertThat(page.locator("#review-panel .empty")).hasText("Not reviewed yet.");
				page.keyboard().press(Integer.toString(label));
				// Saved: the same run again, with its review.
				assertThat(page.locator("#review-panel .reviewer")).hasText("demo");
				assertThat(page).hasURL(run);
				// Its keys work once its script has run: wait for the page to be loaded.
				page.waitForLoadState(LoadState.LOAD);
				page.keyboard().press("n");
				page.waitForURL((url) -> !url.equals(run));
			}

			page.navigate(batchPage);
			assertThat(page.locator(".review-queue strong"))
				.hasText((before + 3) + " of " + failures + " failures reviewed");
			assertThat(page.locator(".review-queue")).containsText("agent bug: ");
			assertThat(page.locator("table.runs .review-mark").first()).isVisible();
		}
	}

	@Test
	void suggestionWhenAcceptedByKeyThenSavedAsOffered() {
		try (BrowserContext context = this.browser.signedIn(url(""),
				new Browser.NewContextOptions().setViewportSize(1280, 900))) {
			Page page = context.newPage();
			String agentId = this.demo.landmarks().agent().agentId();
			page.navigate(url("/agents/" + agentId));
			List<String> batches = new ArrayList<>(page.locator("table a[href*='/batches/']")
				.all()
				.stream()
				.map((link) -> url(link.getAttribute("href") + "?outcome=failed"))
				.toList());
			Collections.reverse(batches);
			// Oldest batch first, reviewing failures by key until one is offered the
			// review of a like failure reviewed before: test cases recur in every batch.
			for (String batch : batches) {
				page.navigate(batch);
				List<String> failures = page.locator("table.runs a[href*='/runs/']")
					.all()
					.stream()
					.map((link) -> url(link.getAttribute("href")))
					.distinct()
					.toList();
				for (String failure : failures) {
					page.navigate(failure);
					page.waitForLoadState(LoadState.LOAD);
					if (page.locator("#review-panel .empty").count() == 0) {
						continue;
					}
					if (page.locator(".review-suggestion").count() > 0) {
						String label = page.locator(".suggested-label").textContent();
						page.keyboard().press("y");
						assertThat(page.locator("#review-panel .reviewer")).hasText("demo");
						assertThat(page.locator(".review-label")).hasText(label);
						return;
					}
					page.keyboard().press("1");
					assertThat(page.locator("#review-panel .reviewer")).hasText("demo");
				}
			}
			throw new AssertionError("No failure of " + agentId + " was offered a suggestion");
		}
	}

	/** The agent's batch pages until one has three failures no one reviewed. */
	private String firstBatchWithThreeUnreviewedFailures(Page page, String agentId) {
		page.navigate(url("/agents/" + agentId));
		List<String> batches = page.locator("table a[href*='/batches/']")
			.all()
			.stream()
			.map((link) -> url(link.getAttribute("href")))
			.toList();
		for (String href : batches) {
			page.navigate(href);
			String queue = (page.locator(".review-queue strong").count() > 0)
					? page.locator(".review-queue strong").textContent() : "";
			Matcher counts = Pattern.compile("^(\\d+) of (\\d+) failures reviewed$").matcher(queue);
			if (counts.matches() && Integer.parseInt(counts.group(2)) - Integer.parseInt(counts.group(1)) >= 3) {
				return href;
			}
		}
		throw new AssertionError("No batch of " + agentId + " has three unreviewed failures");
	}

}
