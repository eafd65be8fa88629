package dev.simboard;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container image, built from the project's {@code Dockerfile} (with its
 * {@code .dockerignore}) and started as an operator would, with no SigmaMind key, so on
 * the embedded demo data; then used over real HTTP from health to a run page. Needs a
 * Docker engine, and the base images and Maven Central within reach; skipped where there
 * is no engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class ImageTests {

	@Container
	static final GenericContainer<?> simboard = new GenericContainer<>(
			new ImageFromDockerfile("localhost/simboard-image-tests", true)
				.withDockerfile(Path.of("Dockerfile").toAbsolutePath()))
		.withExposedPorts(8080)
		.withLogConsumer(new Slf4jLogConsumer(LoggerFactory.getLogger(ImageTests.class)).withPrefix("simboard"))
		// The image build happens before this clock starts; this covers the JVM's start.
		.waitingFor(Wait.forHttp("/actuator/health").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(3)));

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Test
	void imageWhenStartedOnDemoDataThenServesHealthLoginAndARunPage() throws Exception {
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"UP\"");

		assertThat(get("/actuator/metrics").statusCode()).as("/actuator/metrics signed out").isNotEqualTo(200);

		HttpResponse<String> login = get("/login");
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("Demo mode");
		String csrf = Jsoup.parse(login.body()).select("input[name=_csrf]").attr("value");
		assertThat(csrf).as("CSRF token on the login page").isNotEmpty();

		HttpResponse<String> signIn = post("/login",
				"username=demo&password=demo&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
		assertThat(signIn.statusCode()).as("sign-in answer").isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).as("sign-in redirect").doesNotContain("error"));

		Document agents = page("/agents");
		Document agent = page(firstLink(agents, "table.table tbody tr a"));
		// The newest batch may still be running: open the newest finished one.
		Document batch = page(firstLink(agent, "table.table tbody tr:has(.verdict.finished) a"));
		Document run = page(firstLink(batch, "table.runs tbody tr a"));
		assertThat(run.select(".verdict.big")).as("verdict on the run page").isNotEmpty();
		assertThat(run.getElementById("m1")).as("first message of the conversation").isNotNull();
	}

	@Test
	void imageWhenStartedThenRunsAsNonRootUser() throws Exception {
		ExecResult uid = simboard.execInContainer("id", "-u");
		assertThat(uid.getExitCode()).isZero();
		assertThat(uid.getStdout().strip()).isNotEmpty().isNotEqualTo("0");
	}

	@Test
	void imageWhenStartedThenItsHealthcheckPasses() throws Exception {
		// Runs the image's own HEALTHCHECK command now, rather than waiting for Docker's
		// first interval: it must work without curl or wget.
		List<String> test = simboard.getContainerInfo().getConfig().getHealthcheck().getTest();
		assertThat(test).first().isEqualTo("CMD");
		ExecResult check = simboard.execInContainer(test.subList(1, test.size()).toArray(String[]::new));
		assertThat(check.getExitCode()).as("healthcheck exit code; stderr: " + check.getStderr()).isZero();
	}

	private Document page(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
		return Jsoup.parse(response.body(), url(path));
	}

	private static String firstLink(Document page, String selector) {
		Element link = page.selectFirst(selector);
		assertThat(link).as(selector + " on " + page.location()).isNotNull();
		return link.attr("href");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url(path)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String url(String path) {
		return "http://" + simboard.getHost() + ":" + simboard.getMappedPort(8080) + path;
	}

}
