package dev.simboard;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jsoup.Jsoup;

/**
 * A browser-like HTTP session against the running app over real HTTP: cookies kept,
 * redirects not followed, so tests see each step.
 */
public final class WebSession {

	private final String base;

	private final HttpClient http;

	private final CookieManager cookies = new CookieManager();

	public WebSession(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/**
	 * GET a path exactly as written: no normalisation, no encoding; headers as name,
	 * value pairs.
	 */
	public HttpResponse<String> get(String rawPath, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + rawPath)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** GET a path as bytes, as a client that takes compressed answers would read them. */
	public HttpResponse<byte[]> getBytes(String rawPath, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + rawPath)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** GET an absolute URL, on any local server, with this session's cookies. */
	public HttpResponse<String> getUrl(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** Follows redirects within the app until a page answers. */
	public HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
		HttpResponse<String> current = response;
		for (int hops = 0; hops < 5 && current.statusCode() / 100 == 3; hops++) {
			String location = current.headers().firstValue("Location").orElseThrow();
			current = get(location.startsWith("http") ? URI.create(location).getRawPath()
					+ ((URI.create(location).getRawQuery() != null) ? "?" + URI.create(location).getRawQuery() : "")
					: location);
		}
		return current;
	}

	/** POSTs a form body as a browser would; headers as name, value pairs. */
	public HttpResponse<String> post(String path, String form, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * POSTs a form body to an absolute URL, on any local server, with this session's
	 * cookies.
	 */
	public HttpResponse<String> postUrl(String url, String form) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The value of a cookie this session holds, or {@code null}. */
	public String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	/** Posts the login form with its CSRF token, as the page would. */
	public HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
		HttpResponse<String> page = get("/login");
		String csrf = Jsoup.parse(page.body()).select("input[name=_csrf]").attr("value");
		String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf);
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
