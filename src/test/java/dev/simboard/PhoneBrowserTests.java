package dev.simboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.simboard.demo.DemoData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A permalink opened from the team's chat on a phone: every page kind at 390 × 844 in a
 * real Chromium, light and dark, is no wider than the screen, keeps Sign out in view, and
 * passes axe-core. Screenshots go to {@code target/screenshots/phone-*.png}.
 */
@BrowserTest
class PhoneBrowserTests {

	static final int WIDTH = 390;

	@LocalServerPort
	int port;

	@Autowired
	DemoData demo;

	DemoBrowser browser;

	@BeforeEach
	void open(DemoBrowser browser) {
		this.browser = browser;
	}

	@Test
	void everyPageWhenOpenedAtPhoneWidthThenNothingScrollsSidewaysAndSignOutIsInView() {
		for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
			String theme = scheme.name().toLowerCase(java.util.Locale.ROOT);
			try (BrowserContext phone = this.browser.signedIn(url(""), phone(scheme))) {
				Page page = phone.newPage();
				for (Map.Entry<String, String> kind : pageKinds(page).entrySet()) {
					visit(page, kind.getValue());
					assertFitsTheScreen(page, kind.getKey());
					Locator signOut = page.locator("header.topbar button[form=signout]");
					assertThat(signOut.isVisible()).as("Sign out visible on the %s page", kind.getKey()).isTrue();
					BoundingBox box = signOut.boundingBox();
					assertThat(box.x + box.width).as("Sign out within the screen on the %s page", kind.getKey())
						.isLessThanOrEqualTo(WIDTH);
					BoundingBox brand = page.locator("header.topbar .brand").boundingBox();
					assertThat(box.y).as("Sign out on the header's first row on the %s page", kind.getKey())
						.isLessThan(brand.y + brand.height);
					assertThat(box.height).as("Sign out's touch target").isGreaterThanOrEqualTo(24);
					page.screenshot(new Page.ScreenshotOptions()
						.setPath(Chromium.SCREENSHOTS.resolve("phone-" + kind.getKey() + "-" + theme + ".png")));
				}
			}
			try (BrowserContext signedOut = this.browser.browser().newContext(phone(scheme))) {
				Page login = signedOut.newPage();
				login.navigate(url("/login"));
				assertFitsTheScreen(login, "login");
				login.screenshot(new Page.ScreenshotOptions()
					.setPath(Chromium.SCREENSHOTS.resolve("phone-login-" + theme + ".png")));
			}
		}
	}

	@Test
	void batchPageWhenOpenedAtPhoneWidthThenEachRunIsOneCompactRow() {
		try (BrowserContext phone = this.browser.signedIn(url(""), phone(ColorScheme.LIGHT))) {
			Page page = phone.newPage();
			page.navigate(url(WorkflowBrowserTests.batchPath(this.demo.landmarks().showcaseBatch())));
			Locator row = page.locator("table.runs tbody tr").first();
			// Test case and verdict side by side, then the remark's first line.
			BoundingBox label = row.locator("td").nth(0).boundingBox();
			BoundingBox verdict = row.locator(".verdict").boundingBox();
			assertThat(verdict.y).isLessThan(label.y + label.height);
			assertThat(verdict.x).isGreaterThan(label.x);
			assertThat(row.locator("td.remarks").evaluate("(cell) => getComputedStyle(cell).whiteSpace"))
				.isEqualTo("nowrap");
			assertThat(row.boundingBox().height).as("a run's row").isLessThan(150);
			assertThat(row.locator("td").nth(1).isVisible()).as("the attempt column, left to the run page").isFalse();
		}
	}

	@Test
	void everyPageWhenOpenedAtPhoneWidthThenHasNoSeriousOrCriticalAxeViolations() {
		List<String> found = new ArrayList<>();
		for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
			try (BrowserContext phone = this.browser.signedIn(url(""), phone(scheme))) {
				Page page = phone.newPage();
				for (Map.Entry<String, String> kind : pageKinds(page).entrySet()) {
					visit(page, kind.getValue());
					for (Rule rule : new AxeBuilder(page).setLegacyMode(true).analyze().getViolations()) {
						if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
							for (CheckedNode node : rule.getNodes()) {
								found.add(scheme + " " + kind.getKey() + ": " + rule.getId() + " at " + node.getTarget()
										+ ": " + rule.getHelp() + " " + node.getHtml());
							}
						}
					}
				}
			}
		}
		assertThat(found).as("axe violations at phone width:%n%s", String.join("\n", found)).isEmpty();
	}

	/**
	 * Each page kind a permalink can lead to, by name: the ones reached through a link
	 * are found as a visitor would find them.
	 */
	private Map<String, String> pageKinds(Page page) {
		DemoData.Landmarks landmarks = this.demo.landmarks();
		String agent = "/agents/" + landmarks.agent().agentId();
		String batch = WorkflowBrowserTests.batchPath(landmarks.showcaseBatch());
		page.navigate(url(batch));
		String run = page.locator("table.runs tbody tr a[href*='/runs/']").first().getAttribute("href");
		String history = page.locator("main a[href*='/test-cases/']").first().getAttribute("href");
		String compare = page.getByText("Compare with the previous batch").getAttribute("href");
		page.navigate(url(compare));
		String diff = page.locator("a:has-text('Transcript diff')").first().getAttribute("href");
		Map<String, String> kinds = new LinkedHashMap<>();
		kinds.put("agents", "/agents");
		kinds.put("agent", agent);
		kinds.put("batch", batch);
		kinds.put("run", run);
		kinds.put("compare", compare);
		kinds.put("diff", diff);
		kinds.put("history", history);
		kinds.put("flaky", agent + "/flaky");
		kinds.put("search", agent + "/search?q=refund");
		kinds.put("admin", "/admin");
		kinds.put("open", "/open?id=job_NotKnownHere1");
		kinds.put("not-found", batch + "/runs/job_NotKnownHere1");
		kinds.put("bad-request", agent + "/batches/not%20an%20id");
		kinds.put("sign-out", "/logout");
		return kinds;
	}

	/** Opens a page, and waits for what htmx loads into it once shown. */
	private void visit(Page page, String path) {
		page.navigate(url(path));
		if (page.locator(".flaky-slot").count() > 0) {
			page.locator(".flaky-slot .flaky-result").waitFor();
		}
	}

	private static void assertFitsTheScreen(Page page, String kind) {
		// scrollWidth, not innerWidth: a phone widens its layout viewport to fit a page
		// that overflows.
		Number scrollWidth = (Number) page.evaluate("document.documentElement.scrollWidth");
		assertThat(scrollWidth.intValue()).as("the %s page's width at %d px", kind, WIDTH).isLessThanOrEqualTo(WIDTH);
	}

	private static Browser.NewContextOptions phone(ColorScheme scheme) {
		return new Browser.NewContextOptions().setViewportSize(WIDTH, 844)
			.setIsMobile(true)
			.setHasTouch(true)
			.setColorScheme(scheme);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
