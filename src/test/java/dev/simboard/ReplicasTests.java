package dev.simboard;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Simboards on loopback over one PostgreSQL, as two replicas behind a load balancer:
 * a session begun on one is known to the other, and outlives the first.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReplicasTests {

	private final WireMockServer sigmaMind = new WireMockServer(options().dynamicPort());

	private Simboards simboards;

	@BeforeEach
	void startSigmaMind() {
		this.sigmaMind.start();
		this.sigmaMind.stubFor(get(anyUrl()).willReturn(okJson("{\"data\":[]}")));
		this.simboards = new Simboards(this.sigmaMind.baseUrl(), "qa", "VIEWER");
	}

	@AfterEach
	void stop() {
		this.simboards.close();
		this.sigmaMind.stop();
	}

	@Test
	void sessionWhenSignedInOnOneReplicaThenTheOtherServesItInRedis() throws Exception {
		// Kept an hour on each replica: only Redis's message can make C forget a
		// sign-out.
		sharedSession(concat(inRedis(), "--simboard.sessions.kept-for=1h"));
	}

	@Test
	void sessionWhenSignedInOnOneReplicaThenTheOtherServesItInPostgres() throws Exception {
		sharedSession("--simboard.sessions.store=jdbc");
	}

	@Test
	void sessionWhenRedisDoesNotAnswerThenEachPageSaysSoAndTheLogHasALineNotAStackTrace(CapturedOutput output)
			throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		ConfigurableApplicationContext app = this.simboards.start(concat(LocalPostgres.database().arguments(),
				"--simboard.sessions.store=redis", "--simboard.sessions.redis-url=redis://127.0.0.1:" + closed));
		int logBefore = output.getOut().length();

		for (int request = 0; request < 50; request++) {
			HttpResponse<String> page = new WebSession(port(app)).get((request % 2 == 0) ? "/login" : "/agents");
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.headers().firstValue("Retry-After")).contains("60");
			assertThat(page.body()).contains("Simboard cannot reach its sign-in sessions")
				.contains("kept in Redis, which does not answer")
				.doesNotContain("Exception");
			assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
		}

		String log = output.getOut().substring(logBefore);
		assertThat(log).doesNotContain("\tat ").doesNotContain("ERROR");
		assertThat(log.lines().filter((line) -> line.contains("SessionStoreDown"))).hasSize(1);
	}

	@Test
	void sessionWhenInMemoryThenTheOtherReplicaAsksToSignIn() throws Exception {
		String[] database = LocalPostgres.database().arguments();
		ConfigurableApplicationContext a = this.simboards.start(database);
		ConfigurableApplicationContext b = this.simboards.start(database);
		WebSession session = this.simboards.signedIn(a);

		assertThat(session.getUrl(base(b) + "/agents").statusCode()).isEqualTo(302);
	}

	@Test
	void pauseWhenOneReplicaIsToldToSlowDownThenTheOtherCallsNoMoreUntilRetryAfter() throws Exception {
		String[] settings = concat(LocalPostgres.database().arguments(), inRedis());
		ConfigurableApplicationContext a = this.simboards.start(settings);
		ConfigurableApplicationContext b = this.simboards.start(settings);
		WebSession session = this.simboards.signedIn(a);
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/agents"))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

		assertThat(session.getUrl(base(a) + "/agents").body()).contains("SigmaMind asked us to slow down");
		assertThat(agentsCalls()).isEqualTo(1);

		HttpResponse<String> onB = session.getUrl(base(b) + "/agents");
		assertThat(onB.body()).contains("SigmaMind asked us to slow down");
		assertThat(agentsCalls()).isEqualTo(1);
	}

	@Test
	void runWhenAHundredColdRequestsAreSpreadOverTwoReplicasThenAtMostOneCallEach() throws Exception {
		String agent = "agent_rep1";
		String batch = "batch_rep1";
		String job = "job_rep1";
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/agents/" + agent))
			.willReturn(okJson("{\"agentId\":\"" + agent + "\",\"name\":\"Replica Agent\"}")));
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/batch-runs/" + batch)).willReturn(okJson("{\"batchId\":\""
				+ batch + "\",\"agent\":{\"agentId\":\"" + agent + "\"},\"createdDate\":\"2026-03-20T10:00:00Z\","
				+ "\"testCases\":[],\"successfulAttempts\":1,\"failedAttempts\":0,\"totalAttempts\":1}")));
		// Slow enough that the requests are all in before the first answer.
		this.sigmaMind.stubFor(get(urlPathEqualTo("/v1/test-runs/" + job))
			.willReturn(okJson("{\"jobId\":\"" + job + "\",\"batchId\":\"" + batch + "\",\"agent\":{\"agentId\":\""
					+ agent + "\"}," + "\"testCase\":{\"testCaseId\":\"tc_1\",\"label\":\"Refund\",\"attempt\":1},"
					+ "\"createdDate\":\"2026-03-20T10:01:00Z\",\"completedDate\":\"2026-03-20T10:03:00Z\","
					+ "\"isSuccessful\":true,\"remarks\":\"Fine.\",\"conversation\":[{\"role\":\"user\","
					+ "\"content\":\"Hello\"}]}")
				.withFixedDelay(1_500)));
		String[] settings = concat(LocalPostgres.database().arguments(), inRedis());
		ConfigurableApplicationContext a = this.simboards.start(settings);
		ConfigurableApplicationContext b = this.simboards.start(settings);
		WebSession session = this.simboards.signedIn(a);
		String page = "/agents/" + agent + "/batches/" + batch + "/runs/" + job;
		ExecutorService clients = Executors.newFixedThreadPool(100);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				String replica = base((i % 2 == 0) ? a : b);
				answers.add(clients.submit(() -> session.getUrl(replica + page).statusCode()));
			}
			for (Future<Integer> answer : answers) {
				assertThat(answer.get()).isEqualTo(200);
			}
		}
		finally {
			clients.shutdownNow();
		}

		assertThat(this.sigmaMind.countRequestsMatching(getRequestedFor(urlPathEqualTo("/v1/test-runs/" + job)).build())
			.getCount()).isBetween(1, 2);
	}

	@Test
	void signInWhenFailuresAreSpreadOverTwoReplicasThenTheUsernameLocksAsOnOne() throws Exception {
		String[] settings = concat(LocalPostgres.database().arguments(), inRedis());
		ConfigurableApplicationContext a = this.simboards.start(settings);
		ConfigurableApplicationContext b = this.simboards.start(settings);
		WebSession onA = new WebSession(port(a));
		WebSession onB = new WebSession(port(b));
		// simboard.security.login.max-failures: 5 of one username from one client.
		for (int i = 0; i < 5; i++) {
			assertThat(refused((i % 2 == 0) ? onA.signIn("qa", "wrong") : onB.signIn("qa", "wrong"))).isTrue();
		}

		assertThat(refused(new WebSession(port(b)).signIn("qa", "secret"))).as("the right password on B").isTrue();
		assertThat(refused(new WebSession(port(a)).signIn("qa", "secret"))).as("the right password on A").isTrue();
	}

	@Test
	void signInWhenFailuresAreCountedInMemoryThenEachReplicaCountsItsOwn() throws Exception {
		String[] settings = LocalPostgres.database().arguments();
		ConfigurableApplicationContext a = this.simboards.start(settings);
		ConfigurableApplicationContext b = this.simboards.start(settings);
		for (int i = 0; i < 4; i++) {
			new WebSession(port(a)).signIn("qa", "wrong");
		}
		new WebSession(port(b)).signIn("qa", "wrong");

		assertThat(refused(new WebSession(port(b)).signIn("qa", "secret"))).isFalse();
	}

	/** Whether a sign-in went back to the form with an error. */
	private static boolean refused(HttpResponse<String> signIn) {
		return signIn.headers().firstValue("Location").orElse("").contains("error");
	}

	/**
	 * Sessions, sign-in failures and the pause in Redis, under a namespace of this
	 * test's.
	 */
	private static String[] inRedis() {
		return new String[] { "--simboard.sessions.store=redis", "--simboard.sessions.redis-url=" + LocalRedis.url(),
				"--simboard.sessions.namespace=test-" + UUID.randomUUID() };
	}

	private static int port(ConfigurableApplicationContext app) {
		return Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
	}

	private int agentsCalls() {
		return this.sigmaMind.countRequestsMatching(getRequestedFor(urlPathEqualTo("/v1/agents")).build()).getCount();
	}

	private void sharedSession(String... store) throws Exception {
		String[] settings = concat(LocalPostgres.database().arguments(), store);
		ConfigurableApplicationContext a = this.simboards.start(settings);
		ConfigurableApplicationContext b = this.simboards.start(settings);
		WebSession session = this.simboards.signedIn(a);

		HttpResponse<String> onB = session.getUrl(base(b) + "/agents");
		assertThat(onB.statusCode()).isEqualTo(200);
		assertThat(onB.body()).contains("Signed in as").contains("qa");
		a.close();
		assertThat(session.getUrl(base(b) + "/agents").statusCode()).isEqualTo(200);
		// Signing out on B ends the session everywhere, on C too, which has just read it.
		ConfigurableApplicationContext c = this.simboards.start(settings);
		String token = Jsoup.parse(session.getUrl(base(b) + "/agents").body()).select("input[name=_csrf]").val();
		// The browser forgets its cookie on sign-out; another tab or a copied cookie does
		// not.
		String cookie = "JSESSIONID=" + session.cookie("JSESSIONID");
		assertThat(withCookie(base(c) + "/agents", cookie)).isEqualTo(200);
		awaitListening(settings, 2);
		assertThat(session.postUrl(base(b) + "/logout", "_csrf=" + token).statusCode()).isEqualTo(302);
		assertThat(withCookie(base(b) + "/agents", cookie)).isEqualTo(302);
		await().atMost(Duration.ofMinutes(1))
			.untilAsserted(() -> assertThat(withCookie(base(c) + "/agents", cookie)).isEqualTo(302));
	}

	/**
	 * With sessions in Redis, waits until this many replicas listen for sessions changed
	 * elsewhere: they subscribe in the background once started.
	 */
	private static void awaitListening(String[] settings, int replicas) {
		String namespace = Arrays.stream(settings)
			.filter((setting) -> setting.startsWith("--simboard.sessions.namespace="))
			.map((setting) -> setting.substring(setting.indexOf('=') + 1))
			.findFirst()
			.orElse(null);
		if (namespace == null) {
			return;
		}
		RedisClient client = RedisClient.create(LocalRedis.url());
		try (StatefulRedisConnection<String, String> redis = client.connect()) {
			String channel = namespace + ":session-changed";
			await().atMost(Duration.ofMinutes(1))
				.until(() -> redis.sync().pubsubNumsub(channel).getOrDefault(channel, 0L) >= replicas);
		}
		finally {
			client.shutdown();
		}
	}

	/** The status of a GET sent with this cookie alone. */
	private static int withCookie(String url, String cookie) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static String base(ConfigurableApplicationContext app) {
		return "http://localhost:" + app.getEnvironment().getRequiredProperty("local.server.port");
	}

	private static String[] concat(String[] first, String... second) {
		String[] all = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

}
