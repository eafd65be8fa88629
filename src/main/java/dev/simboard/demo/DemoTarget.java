package dev.simboard.demo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import dev.simboard.sigmamind.SigmaMindTarget;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Points Simboard's own client at the demo API it serves, with a key generated at start
 * or set in {@code simboard.demo.api-key}. The address is worked out on each call,
 * because the port is known only once the web server listens (and is random in tests).
 */
final class DemoTarget implements SigmaMindTarget {

	static final String PATH = "/demo-api";

	private static final String KEY_PREFIX = "demo_";

	private static final Pattern CONFIGURED_KEY = Pattern.compile("[A-Za-z0-9_-]{16,200}");

	private final Environment environment;

	private final String apiKey;

	DemoTarget(Environment environment, String apiKey) {
		this.environment = environment;
		this.apiKey = apiKey;
	}

	/**
	 * A target whose key is 24 random bytes: {@code demo_} and 32 URL-safe characters.
	 */
	static DemoTarget withGeneratedKey(Environment environment) {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return new DemoTarget(environment, KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	/**
	 * A target whose key is the one configured, so that other clients can share it.
	 * Surrounding whitespace, such as a secret file's last newline, is not part of it.
	 * @throws IllegalArgumentException if the key is not 16 to 200 letters, digits,
	 * {@code _} or {@code -}
	 */
	static DemoTarget withConfiguredKey(Environment environment, String apiKey) {
		String key = (apiKey != null) ? apiKey.trim() : "";
		if (!CONFIGURED_KEY.matcher(key).matches()) {
			// Never the key itself, not even a wrong one: it may be a real one mistyped.
			int length = key.length();
			throw new IllegalArgumentException("simboard.demo.api-key must be 16 to 200 characters, each a letter, "
					+ "a digit, '_' or '-' (the one configured has " + length + " characters; it is not shown)");
		}
		return new DemoTarget(environment, key);
	}

	/**
	 * {@code http://127.0.0.1:{port}{contextPath}/demo-api}. Before the server listens,
	 * as in tests without a web server, the port falls back to {@code server.port} or
	 * 8080, so a client can be built early even if it cannot be used yet.
	 */
	@Override
	public URI baseUrl() {
		String port = this.environment.getProperty("local.server.port");
		if (!StringUtils.hasText(port)) {
			int configured = this.environment.getProperty("server.port", Integer.class, 8080);
			port = String.valueOf((configured > 0) ? configured : 8080);
		}
		return URI.create("http://127.0.0.1:" + port.trim() + contextPath() + PATH);
	}

	@Override
	public String apiKey() {
		return this.apiKey;
	}

	/** Whether a request's key is this one, compared in constant time. */
	boolean accepts(String candidate) {
		if (candidate == null) {
			return false;
		}
		return MessageDigest.isEqual(this.apiKey.getBytes(StandardCharsets.UTF_8),
				candidate.getBytes(StandardCharsets.UTF_8));
	}

	private String contextPath() {
		String contextPath = this.environment.getProperty("server.servlet.context-path", "").trim();
		while (contextPath.endsWith("/")) {
			contextPath = contextPath.substring(0, contextPath.length() - 1);
		}
		if (!contextPath.isEmpty() && !contextPath.startsWith("/")) {
			contextPath = "/" + contextPath;
		}
		return contextPath;
	}

	@Override
	public String toString() {
		// Never the key: this may end up in a log line.
		return "DemoTarget[" + baseUrl() + "]";
	}

}
