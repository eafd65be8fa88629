package dev.simboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium driven by Playwright, which must never download a browser of its own.
 * Where Chromium is missing, browser tests are skipped, except on CI, which installs it.
 */
public final class Chromium implements AutoCloseable {

	static final Path EXECUTABLE = Path.of(System.getProperty("simboard.chromium", "/usr/bin/chromium"));

	/** Where browser tests save their screenshots. */
	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final Playwright playwright;

	private final Browser browser;

	private Chromium(Playwright playwright, Browser browser) {
		this.playwright = playwright;
		this.browser = browser;
	}

	/**
	 * Skips the calling test class where there is no Chromium, and fails it on CI.
	 */
	public static void assumeInstalled() {
		if (!Files.isExecutable(EXECUTABLE)) {
			assertThat("true".equals(System.getenv("CI"))).as("Chromium missing at " + EXECUTABLE + " on CI").isFalse();
			assumeTrue(false, "No Chromium at " + EXECUTABLE + ": apt-get install chromium to run the browser tests");
		}
	}

	/**
	 * Starts a headless Chromium, or skips the calling test class where there is none.
	 */
	public static Chromium launch() throws IOException {
		assumeInstalled();
		Files.createDirectories(SCREENSHOTS);
		Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		// Flags that work headless as root on a closed network.
		Browser browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
						"--disable-background-networking", "--disable-component-update", "--disable-sync",
						"--no-first-run", "--disable-quic")));
		return new Chromium(playwright, browser);
	}

	public Browser browser() {
		return this.browser;
	}

	@Override
	public void close() {
		this.playwright.close();
	}

}
