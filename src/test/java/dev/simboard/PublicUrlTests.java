package dev.simboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The addresses Simboard hands out, over real HTTP with the headers a client can forge:
 * with {@code simboard.public-url} set, permalinks and redirects use it whatever the
 * request's {@code Host} or forwarded headers say; without it, forwarded headers are not
 * trusted by default.
 */
class PublicUrlTests extends FakeSigmaMindApp {

	static final String RUN = "/agents/agent_D5D0p7TUs66TTAEAx/batches/batch_s0OJu2JWR8R45Fai/runs/job_public1";

	/** Every header a proxy might set, all naming a host that is not Simboard's. */
	static final String FORWARDED = "X-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: http\r\n"
			+ "X-Forwarded-Port: 8666\r\nForwarded: host=evil.example;proto=http\r\n";

	@BeforeEach
	void stubRun() throws IOException {
		try (InputStream in = PublicUrlTests.class.getResourceAsStream("PublicUrlTests-run.json")) {
			sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs/job_public1"))
				.willReturn(okJson(new String(in.readAllBytes(), StandardCharsets.UTF_8))));
		}
	}

	@Test
	void exportWhenForwardedHostHostileAndNoPublicUrlThenRequestsOwnAddress() throws Exception {
		String own = "http://localhost:" + this.port;
		SignIn signIn = signIn(this.port, "localhost:" + this.port);
		assertThat(signIn.toLogin()).isEqualTo(own + "/login");
		assertThat(signIn.back()).isEqualTo(own + RUN);
		Raw markdown = Raw.get(this.port, RUN + "/export.md", "localhost:" + this.port, signIn.cookie());
		assertThat(markdown.status()).isEqualTo(200);
		assertThat(markdown.body()).contains("- **Permalink:** <" + own + RUN + ">\n", "([link](" + own + RUN + "#m1))")
			.doesNotContain("evil.example");
		assertThat(Raw.get(this.port, RUN, "localhost:" + this.port, signIn.cookie()).body())
			.doesNotContain("simboard-public-url");
	}

	/**
	 * The one setting the shared app does not have: a context of its own, beside the same
	 * fake SigmaMind.
	 */
	@Nested
	@TestPropertySource(properties = "simboard.public-url=https://simboard.example.com/")
	class WithPublicUrl {

		static final String PUBLIC = "https://simboard.example.com";

		@LocalServerPort
		int publicPort;

		@Test
		void signInWhenHostHostileThenRedirectsUnderPublicUrl() throws Exception {
			SignIn signIn = signIn(this.publicPort, "evil.example");
			assertThat(signIn.toLogin()).isEqualTo(PUBLIC + "/login");
			assertThat(signIn.back()).isEqualTo(PUBLIC + RUN);
		}

		@Test
		void exportsWhenHostHostileThenPermalinksUnderPublicUrl() throws Exception {
			SignIn signIn = signIn(this.publicPort, "evil.example");
			Raw markdown = Raw.get(this.publicPort, RUN + "/export.md", "evil.example", signIn.cookie());
			assertThat(markdown.status()).isEqualTo(200);
			assertThat(markdown.body())
				.contains("- **Permalink:** <" + PUBLIC + RUN + ">\n", "([link](" + PUBLIC + RUN + "#m1))",
						"([link](" + PUBLIC + RUN + "#m2))")
				.doesNotContain("evil.example", "localhost");
			Raw json = Raw.get(this.publicPort, RUN + "/export.json", "evil.example", signIn.cookie());
			assertThat(json.body()).contains("\"permalink\":\"" + PUBLIC + RUN + "\"").doesNotContain("evil.example");
		}

		@Test
		void runPageWhenHostHostileThenCopiedLinksUnderPublicUrl() throws Exception {
			SignIn signIn = signIn(this.publicPort, "evil.example");
			Raw page = Raw.get(this.publicPort, RUN, "evil.example", signIn.cookie());
			assertThat(page.status()).isEqualTo(200);
			assertThat(Jsoup.parse(page.body()).select("meta[name=simboard-public-url]").attr("content"))
				.isEqualTo(PUBLIC);
		}

		@Test
		void quickOpenWhenHostHostileThenRedirectsUnderPublicUrl() throws Exception {
			SignIn signIn = signIn(this.publicPort, "evil.example");
			Raw open = Raw.get(this.publicPort, "/open?id=job_public1+batch_s0OJu2JWR8R45Fai+agent_D5D0p7TUs66TTAEAx",
					"evil.example", signIn.cookie());
			assertThat(open.status()).isEqualTo(302);
			assertThat(open.header("Location")).isEqualTo(PUBLIC + RUN);
		}

	}

	/**
	 * Opens the run signed out, then signs in through the login page as a browser would,
	 * every request with this {@code Host} and the {@link #FORWARDED} headers.
	 */
	private static SignIn signIn(int port, String host) throws IOException {
		Raw entry = Raw.get(port, RUN, host, null);
		assertThat(entry.status()).isEqualTo(302);
		Raw login = Raw.get(port, "/login", host, entry.cookie());
		String csrf = Jsoup.parse(login.body()).select("input[name=_csrf]").attr("value");
		String form = "username=qa&password=secret&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
		Raw signedIn = Raw.send(port,
				"POST /login HTTP/1.0\r\nHost: " + host + "\r\n" + FORWARDED + "Cookie: " + entry.cookie() + "\r\n"
						+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
						+ "\r\n\r\n" + form);
		assertThat(signedIn.status()).isEqualTo(302);
		return new SignIn(entry.header("Location"), signedIn.header("Location"), signedIn.cookie());
	}

	/**
	 * The two redirects of signing in, and the session it gave.
	 *
	 * @param toLogin where opening a page signed out leads
	 * @param back where signing in leads back to
	 * @param cookie the signed-in session
	 */
	record SignIn(String toLogin, String back, String cookie) {

	}

	/**
	 * One HTTP/1.0 exchange over a bare socket, since {@code java.net.http} will not send
	 * a {@code Host} header of the caller's choosing.
	 *
	 * @param status the status code
	 * @param headers the response's header lines
	 * @param body the body
	 */
	record Raw(int status, List<String> headers, String body) {

		static Raw get(int port, String path, String host, String cookie) throws IOException {
			return send(port, "GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\n" + FORWARDED
					+ ((cookie != null) ? "Cookie: " + cookie + "\r\n" : "") + "\r\n");
		}

		static Raw send(int port, String request) throws IOException {
			try (Socket socket = new Socket("localhost", port)) {
				// Only against a hang; the answer comes at once.
				socket.setSoTimeout(30_000);
				OutputStream out = socket.getOutputStream();
				out.write(request.getBytes(StandardCharsets.UTF_8));
				out.flush();
				String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				int end = response.indexOf("\r\n\r\n");
				List<String> lines = new ArrayList<>(List.of(response.substring(0, end).split("\r\n")));
				int status = Integer.parseInt(lines.remove(0).split(" ")[1]);
				return new Raw(status, lines, response.substring(end + 4));
			}
		}

		String header(String name) {
			String prefix = name.toLowerCase(Locale.ROOT) + ":";
			return this.headers.stream()
				.filter((line) -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
				.map((line) -> line.substring(prefix.length()).strip())
				.findFirst()
				.orElse(null);
		}

		/** The session cookie set, as {@code JSESSIONID=…}. */
		String cookie() {
			String setCookie = header("Set-Cookie");
			return (setCookie != null) ? setCookie.substring(0, setCookie.indexOf(';')) : null;
		}

	}

}
