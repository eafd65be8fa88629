package dev.simboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * What the browser tests share: one Chromium for the whole run, and the demo user signed
 * in once per app, whose session every new browser context can start with. Tests take it
 * as a parameter ({@link BrowserTest} registers the extension that gives it); it lives in
 * JUnit's root store, which closes it when the run ends.
 */
public final class DemoBrowser implements AutoCloseable {

	private final Chromium chromium;

	/** The demo user's signed-in storage state, by the app's address. */
	private final Map<String, String> sessions = new ConcurrentHashMap<>();

	private DemoBrowser(Chromium chromium) {
		this.chromium = chromium;
	}

	public Browser browser() {
		return this.chromium.browser();
	}

	/**
	 * A new context, signed in as the demo user on the app at {@code baseUrl}: the first
	 * call signs in through the login page, and every later one starts with that session.
	 */
	public BrowserContext signedIn(String baseUrl, Browser.NewContextOptions options) {
		String session = this.sessions.computeIfAbsent(baseUrl, this::signInOnce);
		return browser().newContext(options.setStorageState(session));
	}

	private String signInOnce(String baseUrl) {
		try (BrowserContext first = browser().newContext()) {
			Page login = first.newPage();
			login.navigate(baseUrl + "/login");
			signIn(login);
			assertThat(login).hasURL(baseUrl + "/agents");
			return first.storageState();
		}
	}

	/** Signs in as the demo user on the login page this page shows. */
	public static void signIn(Page page) {
		assertThat(page.locator(".notice.demo")).containsText("demo");
		page.fill("#username", "demo");
		page.fill("#password", "demo");
		page.click("button[type=submit]");
	}

	@Override
	public void close() {
		this.chromium.close();
	}

	/**
	 * Launches the run's one {@link DemoBrowser} before the first browser test class, and
	 * gives it to the tests that ask for it.
	 */
	static final class Extension implements BeforeAllCallback, ParameterResolver {

		private static final Namespace NAMESPACE = Namespace.create(DemoBrowser.class);

		@Override
		public void beforeAll(ExtensionContext context) {
			// An assumption that fails here skips the class, rather than erring in each
			// test.
			Chromium.assumeInstalled();
			shared(context);
		}

		@Override
		public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
			return parameter.getParameter().getType() == DemoBrowser.class;
		}

		@Override
		public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
			return shared(context);
		}

		private static DemoBrowser shared(ExtensionContext context) {
			return context.getRoot()
				.getStore(NAMESPACE)
				.computeIfAbsent(DemoBrowser.class, (key) -> new DemoBrowser(launch()), DemoBrowser.class);
		}

		private static Chromium launch() {
			try {
				return Chromium.launch();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
