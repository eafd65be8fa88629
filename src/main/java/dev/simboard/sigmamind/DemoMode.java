package dev.simboard.sigmamind;

import org.springframework.core.env.PropertyResolver;

/**
 * The one rule for demo mode: with no SigmaMind API key configured (none, or only
 * blanks), Simboard serves its embedded demo API, signs in a demo account and says so on
 * every page. Read from the environment, so it holds in slices without the properties
 * bean too.
 */
public final class DemoMode {

	/** The setting that holds the key. */
	public static final String API_KEY_PROPERTY = "simboard.sigmamind.api-key";

	private DemoMode() {
	}

	/** Whether Simboard runs on demo data in this environment. */
	public static boolean in(PropertyResolver environment) {
		return without(environment.getProperty(API_KEY_PROPERTY));
	}

	/** Whether this configured key means demo mode: it is missing or blank. */
	public static boolean without(String apiKey) {
		return apiKey == null || apiKey.isBlank();
	}

}
