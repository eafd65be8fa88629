/*
 * Simboard's benchmark, run by bench/run.sh (see the README's "Benchmarks" section).
 *
 * A single-file Java program, so it needs nothing but a JDK and wrk (and psql for the
 * archive on PostgreSQL): it starts a fake SigmaMind (Simboard's own demo API, in a second
 * JVM, answering in a fixed time), starts Simboard against it as a real deployment would
 * be, its archive in a PostgreSQL database of the benchmark's own (the embedded H2 where
 * there is none), drives load with wrk from a separate process over loopback, and prints
 * one table. Each figure is a ratio of two measurements taken side by side in the same
 * run, or a count, because this machine is shared and noisy.
 */

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

public class Bench {

	// The fake SigmaMind's key and the users: loopback only, for the length of a run.
	static final String UPSTREAM_KEY = "bench_upstream_key_0123456789";

	static final String USER = "bench";

	static final String PASSWORD = "bench-password";

	static final int UPSTREAM_LATENCY_MS = 200;

	static final long CACHE_BOUND_MB = 256;

	static final int[] SIZED = { 50, 200, 2_000 };

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		Files.createDirectories(options.work().resolve("static/bench"));
		Bench bench = new Bench(options);
		try {
			bench.run();
		}
		finally {
			bench.stopAll();
			bench.dropDatabase();
		}
	}

	private final Options options;

	private final List<Row> rows = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private final List<Jvm> jvms = new ArrayList<>();

	/** The archive's PostgreSQL database, or {@code null}: each JVM's embedded H2. */
	private Postgres postgres;

	/** Of the runs read before the restart, how many have their page body archived. */
	private String keptBodies = "not counted (no PostgreSQL)";

	Bench(Options options) {
		this.options = options;
	}

	void run() throws Exception {
		Shape shape = this.options.smoke() ? Shape.SMOKE : Shape.FULL;
		say("Simboard benchmark (" + (this.options.smoke() ? "smoke: short, small, figures not meaningful" : "full")
				+ "), work folder " + this.options.work());

		// The fake SigmaMind: Simboard's demo API in its own JVM, answering in a fixed time.
		Jvm upstream = start("upstream", "--simboard.demo.api-key=" + UPSTREAM_KEY,
				"--simboard.demo.latency=" + UPSTREAM_LATENCY_MS + "ms",
				"--simboard.demo.sized-transcripts=" + join(SIZED), "--simboard.demo.agents=1",
				"--simboard.demo.batches-per-agent=" + (shape.batches() + 2),
				"--simboard.demo.test-cases-per-batch=" + shape.testCases(),
				"--simboard.demo.attempts-per-test-case=4", "--logging.level.dev.simboard=warn");
		upstream.awaitReady(Duration.ofSeconds(90));
		Api api = new Api(upstream.base() + "/demo-api", UPSTREAM_KEY);
		String agent = api.first("/v1/agents", "agentId");
		List<String> batches = api.all("/v1/batch-runs?agentId=" + agent + "&size=100", "batchId");
		// The newest batch is still running; the next one carries the sized transcripts.
		String showcase = batches.get(1);
		String firstPage = api.get("/v1/test-runs?agentId=" + agent + "&batchId=" + showcase + "&size=100");
		List<String> showcaseRuns = ids(firstPage, "jobId");
		String[] sized = new String[SIZED.length];
		for (int i = 0; i < SIZED.length; i++) {
			sized[i] = runWithMessages(firstPage, SIZED[i]);
		}
		String otherBatch = batches.get(2);
		List<String> otherPages = api.pages("/v1/test-runs?agentId=" + agent + "&batchId=" + otherBatch + "&size=200",
				"jobId");
		List<String> otherRuns = otherPages.stream().flatMap((page) -> ids(page, "jobId").stream()).toList();
		Set<String> oneCallRuns = otherPages.stream()
			.flatMap((page) -> runsWithConversation(page).stream())
			.collect(Collectors.toSet());
		// The last batch is left for the restart: no other figure opens it.
		String restartBatch = batches.get(shape.batches() + 1);
		List<String> restartRuns = api
			.pages("/v1/test-runs?agentId=" + agent + "&batchId=" + restartBatch + "&size=200", "jobId")
			.stream()
			.flatMap((page) -> runsWithConversation(page).stream())
			.limit(shape.restartWarmUpRuns() + shape.restartRuns())
			.toList();
		check(restartRuns.size() == shape.restartWarmUpRuns() + shape.restartRuns(),
				"too few runs in batch " + restartBatch + " to time the restart: " + restartRuns.size());

		// Simboard, pointed at it as a real deployment would be, its archive in a
		// database of the benchmark's own.
		this.postgres = database();
		List<String> arguments = new ArrayList<>(List.of("--simboard.sigmamind.base-url=" + api.base(),
				"--simboard.sigmamind.api-key=" + UPSTREAM_KEY, "--simboard.security.users[0].name=" + USER,
				"--simboard.security.users[0].password={noop}" + PASSWORD,
				"--simboard.security.users[0].roles=VIEWER,ADMIN",
				// Lists go stale within a measurement, so their renewal is part of it.
				"--simboard.cache.list-ttl=1s", "--spring.web.resources.static-locations=classpath:/static/,file:"
						+ this.options.work().resolve("static").toAbsolutePath() + "/"));
		if (this.postgres != null) {
			arguments.add("--spring.datasource.url=" + this.postgres.jdbcUrl());
			arguments.add("--spring.datasource.username=" + this.postgres.user());
		}
		String[] simboardArguments = arguments.toArray(String[]::new);
		// Start-up as `java -jar` would, for comparison (a note only, so a smoke run, which
		// checks the harness in the test suite, saves the extra JVM), then as the Docker
		// image starts it.
		String plainStartup = "not taken in a smoke run";
		if (!this.options.smoke() && !this.options.archiveOnly() && !this.options.replicasOnly()) {
			long plainLaunched = System.nanoTime();
			Jvm plain = start("simboard-plain", List.of("-jar", this.options.jar().toString()), simboardArguments);
			plainStartup = String.format(Locale.ROOT, "%.2f s",
					plain.awaitFirstPage(plainLaunched, Duration.ofSeconds(90)));
			plain.stop();
		}
		List<String> deployed = deployed(simboardArguments);
		long launched = System.nanoTime();
		Jvm simboard = start("simboard", deployed, simboardArguments);
		double startup = simboard.awaitFirstPage(launched, Duration.ofSeconds(90));
		Session session = Session.signIn(simboard.base(), USER, PASSWORD);
		Session upstreamAdmin = Session.signIn(upstream.base(), "demo", "demo");
		String database = adminFigure(session, "Database");
		check((this.postgres != null) == database.startsWith("PostgreSQL"), "Simboard's archive is in " + database);
		this.notes.add("The archive: " + database + ((this.postgres != null)
				? ", a database of the benchmark's own, dropped at the end; every Simboard JVM of the run used it"
				: ""));

		if (this.options.replicasOnly()) {
			replicas(session, upstreamAdmin, deployed, simboardArguments, agent, showcase, sized[0],
					showcaseRuns.get(14));
			simboard.stop();
			print(shape);
			return;
		}
		boolean all = !this.options.archiveOnly();
		if (all) {
			coldBurst(session, upstreamAdmin, agent, showcase, showcaseRuns.get(12));
			cachedVersusStatic(session, agent, showcase, sized[0]);
			replicas(session, upstreamAdmin, deployed, simboardArguments, agent, showcase, sized[0],
					showcaseRuns.get(14));
			transcripts(session, agent, showcase, sized[1], sized[2]);
			// Past the JIT's warm-up, with runs no one has opened: the first ones only warm
			// up.
			int warmUp = Math.min(shape.uncachedWarmUpRuns(), otherRuns.size() / 2);
			List<String> unopened = otherRuns.subList(warmUp, otherRuns.size());
			uncached(session, agent, otherBatch, otherRuns.subList(0, warmUp),
					unopened.stream().filter(oneCallRuns::contains).toList(),
					unopened.stream().filter((job) -> !oneCallRuns.contains(job)).toList());
		}
		archive(session, agent, restartBatch, restartRuns);
		if (all) {
			heap(session, simboard, agent, batches.subList(1, 1 + shape.batches()), shape);
		}
		upstreamDown(session, upstream, agent);
		row("start-up to the first page served", String.format(Locale.ROOT, "%.2f s", startup), "≤ 5 s",
				startup <= 5.0,
				String.format(Locale.ROOT,
						"launch to the first 200 from /login, pointed at the fake SigmaMind, as the Docker image "
								+ "starts it (jar extracted, %s from a training run; Java %d); %s. "
								+ "Plain `java -jar`: %s",
						(Runtime.version().feature() >= 25) ? "AOT cache" : "CDS archive", Runtime.version().feature(),
						simboard.startedLine(), plainStartup));
		simboard.stop();

		if (all) {
			bigBatch(shape);
		}

		// The archive's rows last, so that loading it for search leaves the others alone.
		// SigmaMind is down by now: after the restart, pages come from the archive or
		// fail.
		Jvm restarted = relaunch(simboard, "simboard-restarted");
		restarted.awaitReady(Duration.ofSeconds(90));
		Session restartedSession = Session.signIn(restarted.base(), USER, PASSWORD);
		afterRestart(restarted, restartedSession, agent, restartBatch, restartRuns.subList(0, shape.restartWarmUpRuns()),
				restartRuns.subList(shape.restartWarmUpRuns(), restartRuns.size()));
		if (all) {
			searchAndSize(restartedSession, shape);
		}
		restarted.stop();
		print(shape);
	}

	/** 100 concurrent first requests of one run: how many reach SigmaMind. */
	void coldBurst(Session session, Session upstreamAdmin, String agent, String batch, String job) throws Exception {
		String uri = "/demo-api/v1/test-runs/{jobId}";
		long before = upstreamAdmin.counter("http.server.requests", "uri:" + uri);
		int clients = 100;
		String path = "/agents/" + agent + "/batches/" + batch + "/runs/" + job;
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		CountDownLatch ready = new CountDownLatch(clients);
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<Integer>> statuses = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			statuses.add(CompletableFuture.supplyAsync(() -> {
				ready.countDown();
				await(go);
				return session.get(path).statusCode();
			}, pool));
		}
		ready.await();
		go.countDown();
		long ok = statuses.stream().map(CompletableFuture::join).filter((status) -> status == 200).count();
		pool.shutdown();
		long calls = upstreamAdmin.counter("http.server.requests", "uri:" + uri) - before;
		check(ok == clients, ok + " of " + clients + " concurrent requests answered 200");
		row("upstream calls for 100 concurrent cold requests of one run", String.valueOf(calls), "1", calls == 1,
				"counted by the fake SigmaMind; " + ok + " of " + clients + " requests answered 200");
	}

	/**
	 * Run pages nobody has opened yet, one after another, with SigmaMind at 200 ms: wrk on
	 * one connection, each request the next run of a list (bench/uncached.lua), after a
	 * warm-up on other runs: as many as 8 connections open in the warm-up time, so the JIT
	 * has compiled the uncached path, as it has in a server that has been up a while. The
	 * figure is over runs whose conversation comes with them: one call to SigmaMind, which
	 * is what the 200 ms stands for. Runs of the older dialect need their chat as well, a
	 * second call after the first; they are measured apart, against 400 ms.
	 */
	void uncached(Session session, String agent, String batch, List<String> warmUpJobs, List<String> jobs,
			List<String> twoCallJobs) throws IOException {
		check(!warmUpJobs.isEmpty() && !jobs.isEmpty(), "too few runs in batch " + batch + " to time uncached pages: "
				+ warmUpJobs.size() + " to warm up, " + jobs.size() + " with their conversation");
		String base = "/agents/" + agent + "/batches/" + batch + "/runs/";
		Wrk warmUp = wrk(session, base + warmUpJobs.get(0), 8, this.options.warmUpSeconds(), 4_000,
				"bench/uncached.lua", pathList("uncached-warm-up-paths.txt", base, warmUpJobs).toString());
		// About four pages a second: stop well before the list runs out.
		int seconds = this.options.smoke() ? 1 : Math.min(15, Math.max(1, jobs.size() / 6));
		Wrk result = wrk(session, base + jobs.get(0), 1, seconds, 4_000, "bench/uncached.lua",
				pathList("uncached-paths.txt", base, jobs).toString());
		check(result.requests() <= jobs.size(), "wrk went round its list of runs: some were cached");
		String twoCalls = "";
		if (!twoCallJobs.isEmpty()) {
			int twoCallSeconds = this.options.smoke() ? 1 : Math.min(10, Math.max(1, twoCallJobs.size() / 3));
			Wrk chats = wrk(session, base + twoCallJobs.get(0), 1, twoCallSeconds, 4_000, "bench/uncached.lua",
					pathList("uncached-two-call-paths.txt", base, twoCallJobs).toString());
			check(chats.requests() <= twoCallJobs.size(), "wrk went round its list of runs: some were cached");
			twoCalls = String.format(Locale.ROOT,
					"; runs of the older dialect, whose conversation is in their chat (two calls in turn): "
							+ "p50 %.1f ms over %d runs ÷ 400 ms = %.2f",
					chats.p50(), chats.requests(), chats.p50() / (2 * UPSTREAM_LATENCY_MS));
		}
		double ratio = result.p50() / UPSTREAM_LATENCY_MS;
		row("uncached run page p50 with the upstream at a fixed 200 ms ÷ 200 ms", fixed(ratio), "≤ 1.10",
				ratio <= 1.10,
				String.format(Locale.ROOT,
						"p50 %.1f ms over %d runs never opened before whose conversation comes with them (one call), "
								+ "1 connection, after %d others opened in %d s on 8 connections to warm up%s",
						result.p50(), result.requests(), Math.min(warmUp.requests(), warmUpJobs.size()),
						this.options.warmUpSeconds(), twoCalls));
	}

	/** Writes the pages of these runs to a file for bench/uncached.lua. */
	private Path pathList(String name, String base, List<String> jobs) throws IOException {
		Path list = this.options.work().resolve(name);
		Files.write(list, jobs.stream().map((job) -> base + job).toList());
		return list;
	}

	/** A cached run page against a static file of the same bytes, same server, same session. */
	void cachedVersusStatic(Session session, String agent, String batch, String job) throws Exception {
		String path = "/agents/" + agent + "/batches/" + batch + "/runs/" + job;
		HttpResponse<String> page = session.get(path);
		check(page.statusCode() == 200, "run page answered " + page.statusCode());
		check(page.body().contains("(50 messages"), "the run page shows 50 messages");
		byte[] bytes = page.body().getBytes(StandardCharsets.UTF_8);
		Files.write(this.options.work().resolve("static/bench/run-page.html"), bytes);
		String copy = "/bench/run-page.html";
		check(session.get(copy).statusCode() == 200, "static copy served");
		warmUp(session, copy, path);
		List<Wrk> pages = new ArrayList<>();
		List<Wrk> statics = new ArrayList<>();
		for (int round = 0; round < this.options.rounds(); round++) {
			statics.add(wrk(session, copy, 8, this.options.seconds(), bytes.length));
			pages.add(wrk(session, path, 8, this.options.seconds(), bytes.length));
		}
		double pageRate = median(pages.stream().mapToDouble(Wrk::requestsPerSecond).toArray());
		double staticRate = median(statics.stream().mapToDouble(Wrk::requestsPerSecond).toArray());
		double ratio = pageRate / staticRate;
		row("cached run page (50 messages) requests/s ÷ a static file of the same size", fixed(ratio), "≥ 0.5",
				ratio >= 0.5, String.format(Locale.ROOT, "%.0f ÷ %.0f req/s, %d KB, 8 connections, median of %d rounds",
						pageRate, staticRate, bytes.length / 1024, this.options.rounds()));
	}

	/**
	 * Replicas (issue 17): two Simboards with their sessions in Redis, and one with them in
	 * PostgreSQL, beside the one with sessions in memory, all on the same database. The
	 * cached run page's requests/s with each shared store ÷ in memory, in alternate
	 * rounds; and 100 concurrent cold requests of one run spread over the two replicas.
	 */
	void replicas(Session memory, Session upstreamAdmin, List<String> deployed, String[] arguments, String agent,
			String batch, String job, String coldJob) throws Exception {
		String redis = redisUrl();
		if (redis == null || this.postgres == null) {
			this.notes.add("No Redis at 127.0.0.1:6379 or no PostgreSQL: the replica rows were not taken.");
			return;
		}
		Jvm a = start("replica-a", deployed, with(arguments, "--simboard.sessions.store=redis",
				"--simboard.sessions.redis-url=" + redis));
		Jvm b = start("replica-b", deployed, with(arguments, "--simboard.sessions.store=redis",
				"--simboard.sessions.redis-url=" + redis));
		Jvm jdbc = start("simboard-jdbc-sessions", deployed, with(arguments, "--simboard.sessions.store=jdbc"));
		for (Jvm jvm : List.of(a, b, jdbc)) {
			jvm.awaitReady(Duration.ofSeconds(90));
		}
		Session onA = Session.signIn(a.base(), USER, PASSWORD);
		// The same session on B: its cookie, nothing else.
		Session onB = onA.at(b.base());
		Session onJdbc = Session.signIn(jdbc.base(), USER, PASSWORD);
		check(onB.get("/agents").statusCode() == 200, "replica B did not know replica A's session");

		String uri = "/demo-api/v1/test-runs/{jobId}";
		long before = upstreamAdmin.counter("http.server.requests", "uri:" + uri);
		String cold = "/agents/" + agent + "/batches/" + batch + "/runs/" + coldJob;
		int clients = 100;
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<Integer>> statuses = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			Session replica = (i % 2 == 0) ? onA : onB;
			statuses.add(CompletableFuture.supplyAsync(() -> {
				await(go);
				return replica.get(cold).statusCode();
			}, pool));
		}
		go.countDown();
		List<Integer> answered = statuses.stream().map(CompletableFuture::join).toList();
		long ok = answered.stream().filter((status) -> status == 200).count();
		pool.shutdown();
		long calls = upstreamAdmin.counter("http.server.requests", "uri:" + uri) - before;
		check(ok == clients, ok + " of " + clients + " concurrent requests over two replicas answered 200 (A, B in "
				+ "turn: " + answered + "; see " + a.log() + " and " + b.log() + ")");
		row("upstream calls for 100 concurrent cold requests of one run over two replicas", String.valueOf(calls),
				"≤ 2", calls <= 2, "50 requests to each replica at once, counted by the fake SigmaMind; the two share "
						+ "PostgreSQL (the archive) and Redis (sessions); no lock across replicas");

		String path = "/agents/" + agent + "/batches/" + batch + "/runs/" + job;
		int size = warm(onA, path);
		warm(onJdbc, path);
		warm(memory, path);
		// All three as long, and long enough for the JIT to be done with the page (in a
		// full run the in-memory Simboard has served it under load before): the ratio
		// must measure the sessions, not a warm JVM against colder ones.
		for (int round = 0; round < 3; round++) {
			warmUp(onA, path);
			warmUp(onJdbc, path);
			warmUp(memory, path);
		}
		List<Wrk> inMemory = new ArrayList<>();
		List<Wrk> inRedis = new ArrayList<>();
		List<Wrk> inPostgres = new ArrayList<>();
		for (int round = 0; round < this.options.rounds(); round++) {
			inMemory.add(wrk(memory, path, 8, this.options.seconds(), size));
			inRedis.add(wrk(onA, path, 8, this.options.seconds(), size));
			inPostgres.add(wrk(onJdbc, path, 8, this.options.seconds(), size));
		}
		double memoryRate = median(inMemory.stream().mapToDouble(Wrk::requestsPerSecond).toArray());
		double redisRate = median(inRedis.stream().mapToDouble(Wrk::requestsPerSecond).toArray());
		double postgresRate = median(inPostgres.stream().mapToDouble(Wrk::requestsPerSecond).toArray());
		row("cached run page requests/s, sessions in Redis ÷ in memory", fixed(redisRate / memoryRate), "≥ 0.8",
				redisRate / memoryRate >= 0.8,
				String.format(Locale.ROOT, "%.0f ÷ %.0f req/s, 8 connections, median of %d alternate rounds", redisRate,
						memoryRate, this.options.rounds()));
		// The store not chosen: measured for the choice, with no target of its own.
		row("cached run page requests/s, sessions in PostgreSQL ÷ in memory", fixed(postgresRate / memoryRate),
				NO_TARGET, true,
				String.format(Locale.ROOT, "%.0f ÷ %.0f req/s, the same rounds (Spring Session JDBC reads the "
						+ "session and writes its last access on every request); beside Redis's row, the reason "
						+ "Redis is the store for replicas", postgresRate, memoryRate));
		for (Jvm jvm : List.of(a, b, jdbc)) {
			jvm.stop();
		}
	}

	/** The local Redis's URL, or {@code null} when none answers. */
	static String redisUrl() {
		try (java.net.Socket socket = new java.net.Socket()) {
			socket.connect(new java.net.InetSocketAddress("127.0.0.1", 6379), 1_000);
			return "redis://127.0.0.1:6379";
		}
		catch (IOException ex) {
			return null;
		}
	}

	static String[] with(String[] arguments, String... more) {
		String[] all = Arrays.copyOf(arguments, arguments.length + more.length);
		System.arraycopy(more, 0, all, arguments.length, more.length);
		return all;
	}

	/** p99 of a 2,000-message run page against a 200-message one, one request at a time. */
	void transcripts(Session session, String agent, String batch, String job200, String job2000) {
		String path200 = "/agents/" + agent + "/batches/" + batch + "/runs/" + job200;
		String path2000 = "/agents/" + agent + "/batches/" + batch + "/runs/" + job2000;
		int size200 = warm(session, path200);
		int size2000 = warm(session, path2000);
		warmUp(session, path200, path2000);
		List<Wrk> small = new ArrayList<>();
		List<Wrk> large = new ArrayList<>();
		for (int round = 0; round < this.options.rounds(); round++) {
			small.add(wrk(session, path200, 1, this.options.seconds(), size200));
			large.add(wrk(session, path2000, 1, this.options.seconds(), size2000));
		}
		double p99Small = median(small.stream().mapToDouble(Wrk::p99).toArray());
		double p99Large = median(large.stream().mapToDouble(Wrk::p99).toArray());
		double ratio = p99Large / p99Small;
		row("p99 render of a 2,000-message transcript ÷ p99 of a 200-message one",
				fixed(ratio) + "; " + fixed(p99Large) + " ms", "≤ 12, and ≤ 150 ms", ratio <= 12 && p99Large <= 150,
				String.format(Locale.ROOT, "p99 %.1f ms (%d KB) ÷ %.1f ms (%d KB), cached, 1 connection", p99Large,
						size2000 / 1024, p99Small, size200 / 1024));
	}

	/** Heap after 20 batches of 2,000 runs went through the cache. */
	void heap(Session session, Jvm simboard, String agent, List<String> batches, Shape shape) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<CompletableFuture<Integer>> statuses = new ArrayList<>();
		for (String batch : batches) {
			statuses.add(CompletableFuture
				.supplyAsync(() -> session.get("/agents/" + agent + "/batches/" + batch).statusCode(), pool));
		}
		List<String> late = new ArrayList<>();
		for (int i = 0; i < batches.size(); i++) {
			if (statuses.get(i).join() != 200) {
				late.add(batches.get(i));
			}
		}
		pool.shutdown();
		// A page that stopped waiting for SigmaMind (a 502 past its time) leaves the batch
		// loading: asked again, it is served from the cache. What this row measures is the
		// heap once all are loaded; the late ones are said.
		for (String batch : late) {
			int status = session.get("/agents/" + agent + "/batches/" + batch).statusCode();
			check(status == 200, "batch page " + batch + " answered " + status + " when asked again");
		}
		command(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(simboard.pid()),
				"GC.run");
		double heapMb = session.gauge("jvm.memory.used", "area:heap") / (1024 * 1024);
		double limit = CACHE_BOUND_MB + 150;
		String backlog = adminFigure(session, "Waiting to be written");
		row("heap after loading " + batches.size() + " batches of " + shape.runsPerBatch() + " runs",
				String.format(Locale.ROOT, "%.0f MB", heapMb), "≤ " + (long) limit + " MB", heapMb <= limit,
				"used heap after a full GC (jcmd GC.run); cache weight bound " + CACHE_BOUND_MB + " MB + 150 MB; "
						+ "archive writes still waiting then (each batch's run list is one): " + backlog
						+ (late.isEmpty() ? ""
								: "; " + late.size() + " of the " + batches.size() + " batch pages, 4 at a time, "
										+ "stopped waiting for SigmaMind at first (502), and answered 200 when "
										+ "asked again"));
	}

	/** A cached page with SigmaMind answering, then with it gone. */
	void upstreamDown(Session session, Jvm upstream, String agent) {
		String path = "/agents/" + agent;
		int size = warm(session, path);
		Wrk healthy = wrk(session, path, 8, this.options.seconds(), size / 2);
		upstream.stop();
		Wrk down = wrk(session, path, 8, this.options.seconds(), size / 2);
		HttpResponse<String> after = session.get(path);
		check(after.statusCode() == 200, "agent page with SigmaMind down answered " + after.statusCode());
		double ratio = down.requestsPerSecond() / healthy.requestsPerSecond();
		row("cached page requests/s with the upstream down ÷ healthy", fixed(ratio), "≥ 0.9", ratio >= 0.9,
				String.format(Locale.ROOT,
						"agent page, lists renewed every 1 s: %.0f ÷ %.0f req/s; with SigmaMind down it says %s",
						down.requestsPerSecond(), healthy.requestsPerSecond(),
						after.body().contains("SigmaMind") && after.body().contains("ago") ? "the data's age"
								: "nothing about the data's age"));
	}

	/** A 10,000-run batch, filtered and sorted, from the cache. */
	void bigBatch(Shape shape) throws Exception {
		String key = "bench_demo_key_0123456789abc";
		List<String> arguments = new ArrayList<>(List.of("--simboard.demo.api-key=" + key, "--simboard.demo.agents=1",
				"--simboard.demo.batches-per-agent=2", "--simboard.demo.test-cases-per-batch=" + shape.bigTestCases(),
				"--simboard.demo.attempts-per-test-case=4"));
		if (this.postgres != null) {
			// Its reviews in PostgreSQL, as a team's would be.
			arguments.add("--spring.datasource.url=" + this.postgres.jdbcUrl());
			arguments.add("--spring.datasource.username=" + this.postgres.user());
		}
		Jvm demo = start("simboard-demo", arguments.toArray(String[]::new));
		demo.awaitReady(Duration.ofSeconds(90));
		Api api = new Api(demo.base() + "/demo-api", key);
		String agent = api.first("/v1/agents", "agentId");
		String batch = api.all("/v1/batch-runs?agentId=" + agent, "batchId").get(1);
		Session session = Session.signIn(demo.base(), "demo", "demo");
		String path = "/agents/" + agent + "/batches/" + batch;
		long start = System.nanoTime();
		HttpResponse<String> cold = session.get(path);
		double coldSeconds = (System.nanoTime() - start) / 1e9;
		check(cold.statusCode() == 200, "the batch page answered " + cold.statusCode());
		String filtered = path + "?outcome=failed&sort=-duration";
		int size = warm(session, filtered);
		warmUp(session, filtered);
		List<Wrk> runs = new ArrayList<>();
		for (int round = 0; round < this.options.rounds(); round++) {
			runs.add(wrk(session, filtered, 1, this.options.seconds(), size));
		}
		double p50 = median(runs.stream().mapToDouble(Wrk::p50).toArray());
		row("batch page of " + shape.bigTestCases() * 4 + " runs, filtered and sorted, from cache, p50", fixed(p50)
				+ " ms", "≤ 50 ms", p50 <= 50,
				String.format(Locale.ROOT, "failed only, slowest first, %d KB, 1 connection; first (cold) load %.1f s",
						size / 1024, coldSeconds));
		reviews(shape, session, api, agent, batch, path);
		demo.stop();
	}

	/**
	 * Reviews of the big batch: the save's latency on PostgreSQL, one reviewer at a time,
	 * then the batch page filtered to the failures no one reviewed yet.
	 */
	void reviews(Shape shape, Session session, Api api, String agent, String batch, String path) throws Exception {
		List<String> failed = api.pages("/v1/test-runs?agentId=" + agent + "&batchId=" + batch + "&size=200", "jobId")
			.stream()
			.flatMap((page) -> failedRuns(page).stream())
			.limit(shape.reviews())
			.toList();
		check(failed.size() == shape.reviews(), "too few failures in batch " + batch + " to review: " + failed.size());
		double[] saves = new double[failed.size()];
		for (int i = 0; i < failed.size(); i++) {
			String run = path + "/runs/" + failed.get(i);
			// The page first, as a reviewer reads it: the save alone is timed.
			Matcher csrf = Session.CSRF.matcher(session.get(run).body());
			check(csrf.find(), "no CSRF token on " + run);
			String form = "_csrf=" + encode(csrf.group(1)) + "&verdict=" + ((i % 5 == 0) ? "pass" : "agree")
					+ "&label=" + encode((i % 5 == 0) ? "judge error" : "agent bug") + "&note=&ticket=&version=0";
			long start = System.nanoTime();
			HttpResponse<String> saved = session.send(HttpRequest.newBuilder(URI.create(session.base() + run + "/review"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)));
			saves[i] = (System.nanoTime() - start) / 1e6;
			check(saved.statusCode() == 302, "saving a review of " + run + " answered " + saved.statusCode());
		}
		double p99 = percentile(saves, 99);
		boolean onPostgres = this.postgres != null;
		row("saving a review, p99", fixed(p99) + " ms", "≤ 50 ms", onPostgres && p99 <= 50,
				String.format(Locale.ROOT, "%,d first reviews of failed runs saved one after another (the POST alone, "
						+ "answered with a redirect, not the run page read before it), on %s; p50 %.2f ms", saves.length,
						onPostgres ? "PostgreSQL" : "the embedded H2 (the target is PostgreSQL's)",
						percentile(saves, 50)));
		String unreviewed = path + "?outcome=failed&review=unreviewed";
		int size = warm(session, unreviewed);
		warmUp(session, unreviewed);
		List<Wrk> runs = new ArrayList<>();
		for (int round = 0; round < this.options.rounds(); round++) {
			runs.add(wrk(session, unreviewed, 1, this.options.seconds(), size));
		}
		double p50 = median(runs.stream().mapToDouble(Wrk::p50).toArray());
		row("batch page of " + shape.runsPerBigBatch() + " runs with " + saves.length
				+ " reviews, unreviewed failures, p50", fixed(p50) + " ms", "≤ 50 ms", p50 <= 50,
				String.format(Locale.ROOT, "failed and not reviewed only, %d KB, 1 connection; reviews read from "
						+ "%s and kept for simboard.review.fresh-for (30 s)", size / 1024,
						onPostgres ? "PostgreSQL" : "the embedded H2"));
	}

	/** The jobs of a test-run list page that the judge failed. */
	static List<String> failedRuns(String page) {
		// A run's verdict follows its "jobId" (the demo API writes a run's fields in that
		// order); older-dialect runs spell it with one "s".
		String[] parts = page.split("\"jobId\":\"");
		List<String> jobs = new ArrayList<>();
		for (int i = 1; i < parts.length; i++) {
			if (parts[i].contains("\"isSuccessful\":false") || parts[i].contains("\"isSuccesful\":false")) {
				jobs.add(parts[i].substring(0, parts[i].indexOf('"')));
			}
		}
		return jobs;
	}

	// --- the archive

	/**
	 * A database of the benchmark's own on the local PostgreSQL, so the archive runs as a
	 * team would run it; {@code null}, said and noted, where there is none: each Simboard
	 * JVM then has its embedded H2, and the figures that need PostgreSQL are not taken.
	 */
	Postgres database() {
		Postgres postgres = Postgres.local();
		try {
			postgres.create();
			say("the archive is in PostgreSQL database " + postgres.database() + " at " + postgres.server());
			return postgres;
		}
		catch (RuntimeException ex) {
			// psql's own words, after the line with the command that failed.
			String why = ex.getMessage()
				.lines()
				.skip(1)
				.map(String::strip)
				.filter((line) -> !line.isEmpty())
				.findFirst()
				.orElse(ex.getMessage());
			say("no PostgreSQL at " + postgres.server() + " (" + why + "): the archive runs on the embedded H2");
			this.notes.add("No PostgreSQL at " + postgres.server() + " (" + why + "): the archive ran on each "
					+ "Simboard's embedded H2, and the figures that need PostgreSQL were not taken.");
			return null;
		}
	}

	void dropDatabase() {
		if (this.postgres != null) {
			try {
				this.postgres.drop();
			}
			catch (RuntimeException ex) {
				say("could not drop database " + this.postgres.database() + ": " + ex.getMessage());
			}
		}
	}

	/**
	 * Opens these runs' pages, as people reading them would, so Simboard archives them;
	 * then waits until it has: no write waiting on the admin page and, on PostgreSQL,
	 * every one of them in the database.
	 */
	void archive(Session session, String agent, String batch, List<String> jobs) {
		String base = "/agents/" + agent + "/batches/" + batch + "/runs/";
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<CompletableFuture<Integer>> statuses = jobs.stream()
			.map((job) -> CompletableFuture.supplyAsync(() -> session.get(base + job).statusCode(), pool))
			.toList();
		long ok = statuses.stream().map(CompletableFuture::join).filter((status) -> status == 200).count();
		pool.shutdown();
		check(ok == jobs.size(), ok + " of " + jobs.size() + " run pages answered 200");
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (!adminFigure(session, "Waiting to be written").equals("0")) {
			check(System.nanoTime() < deadline, "the archive still had writes waiting after 2 minutes");
			sleep(100);
		}
		if (this.postgres != null) {
			String archived = this.postgres.query("select count(*) from archived_run where job_id in ("
					+ jobs.stream().map(Bench::literal).collect(Collectors.joining(", ")) + ")");
			check(archived.equals(String.valueOf(jobs.size())),
					"the archive holds " + archived + " of the " + jobs.size() + " runs opened");
			// Runs of the older dialect (their conversation in a chat) have no body kept.
			// A build from before bodies were kept (to compare) has no such table.
			this.keptBodies = this.postgres.query("select to_regclass('rendered_body') is not null").equals("t")
					? this.postgres.query(
							"select count(*) from rendered_body b join archived_run r on r.id = b.run_id where "
									+ "r.job_id in (" + jobs.stream().map(Bench::literal).collect(Collectors.joining(", "))
									+ ")")
							+ " of the " + jobs.size() + " with their page body kept"
					: "no page bodies kept (a build from before they were)";
		}
	}

	/**
	 * Run pages after a restart: runs read once before it, and so archived, read again.
	 * The first read of each comes from the archive (Caffeine starts empty, and SigmaMind
	 * is down, so it can come from nowhere else), the second from Caffeine, where a
	 * finished run's page is kept. One request at a time, after the same reads of other
	 * runs, so the restarted JVM has compiled these paths.
	 */
	void afterRestart(Jvm simboard, Session session, String agent, String batch, List<String> warmUpJobs,
			List<String> jobs) {
		String base = "/agents/" + agent + "/batches/" + batch + "/runs/";
		// Pages are kept per batch view: in another one, the kept body in a page rendered
		// around it.
		String otherView = "?sort=label";
		for (String job : warmUpJobs) {
			timed(session, base + job);
			timed(session, base + job);
			timed(session, base + job + otherView);
		}
		Reads archivedReads = reads(simboard, session, jobs.stream().map((job) -> base + job).toList());
		Reads cachedReads = reads(simboard, session, jobs.stream().map((job) -> base + job).toList());
		Reads viewedReads = reads(simboard, session, jobs.stream().map((job) -> base + job + otherView).toList());
		double archived = archivedReads.p50();
		double cached = cachedReads.p50();
		double viewed = viewedReads.p50();
		double ratio = archived / cached;
		row("run page from the archive after a restart ÷ the same page from Caffeine, p50", fixed(ratio), "≤ 3",
				ratio <= 3,
				String.format(Locale.ROOT,
						"p50 %.2f ms from the archive ÷ %.2f ms from Caffeine with the page kept, over %d finished "
								+ "runs opened before a restart of Simboard on the same database; in another batch "
								+ "view (the kept body, the page rendered around it) %.2f ms, %.2f times faster than "
								+ "the archive; SigmaMind down, 1 request at a time, after %d other runs read the "
								+ "same way; archived before the restart: %s. Simboard's CPU time per request "
								+ "(all its threads, mean): %.2f ms from the archive, %.2f ms kept, %.2f ms in the "
								+ "other view",
						archived, cached, jobs.size(), viewed, archived / viewed, warmUpJobs.size(), this.keptBodies,
						archivedReads.cpu(), cachedReads.cpu(), viewedReads.cpu()));
	}

	/**
	 * Pages read one at a time: their p50 time, and Simboard's CPU time per request
	 * meanwhile (on a machine whose scheduling adds milliseconds to every request, the
	 * times alone draw together).
	 */
	static Reads reads(Jvm simboard, Session session, List<String> paths) {
		long before = cpuNanos(simboard);
		double p50 = median(paths.stream().mapToDouble((path) -> timed(session, path)).toArray());
		return new Reads(p50, (cpuNanos(simboard) - before) / 1e6 / paths.size());
	}

	/** A p50 in milliseconds, and CPU milliseconds per request. */
	record Reads(double p50, double cpu) {
	}

	/**
	 * Search over archived runs loaded straight into PostgreSQL (see {@link SearchData}),
	 * through Simboard's search page; and the archive's size per 1,000 runs.
	 */
	void searchAndSize(Session session, Shape shape) throws Exception {
		String searchFigure = String.format(Locale.ROOT, "search over %,d archived runs of %d messages, p50 and p99",
				shape.searchRuns(), SearchData.MESSAGES);
		String searchTarget = "p50 ≤ 100 ms, p99 ≤ 300 ms";
		String sizeFigure = "archive size per 1,000 runs of " + SearchData.MESSAGES + " messages";
		if (this.postgres == null) {
			row(searchFigure, "not taken", searchTarget, false, "needs PostgreSQL (see the notes)");
			row(sizeFigure, "not taken", "—", false, "needs PostgreSQL (see the notes)");
			return;
		}
		ArchiveSize before = ArchiveSize.of(this.postgres);
		SearchData data = SearchData.of(shape.searchRuns());
		long start = System.nanoTime();
		Path work = this.options.work().toAbsolutePath();
		this.postgres.run(Files.writeString(work.resolve("search-setup.sql"), data.setup()));
		this.postgres.runAtOnce(List.of(Files.writeString(work.resolve("search-load-0.sql"), data.load(0)),
				Files.writeString(work.resolve("search-load-1.sql"), data.load(1))));
		this.postgres.runAtOnce(List.of(Files.writeString(work.resolve("search-index-0.sql"), data.index(0)),
				Files.writeString(work.resolve("search-index-1.sql"), data.index(1))));
		this.postgres.run(Files.writeString(work.resolve("search-finish.sql"), data.finish()));
		double loadSeconds = (System.nanoTime() - start) / 1e9;
		ArchiveSize after = ArchiveSize.of(this.postgres);
		check(after.runs() - before.runs() == shape.searchRuns(),
				"loaded " + (after.runs() - before.runs()) + " runs, not " + shape.searchRuns());
		say(String.format(Locale.ROOT, "loaded %,d runs for search in %.0f s", shape.searchRuns(), loadSeconds));

		String base = "/agents/" + SearchData.AGENT + "/search?q=";
		List<String> paths = data.queries().stream().map((query) -> base + encode(query)).toList();
		List<String> found = new ArrayList<>();
		int smallest = Integer.MAX_VALUE;
		for (int i = 0; i < paths.size(); i++) {
			HttpResponse<String> page = session.get(paths.get(i));
			check(page.statusCode() == 200, paths.get(i) + " answered " + page.statusCode());
			int hits = count(page.body(), "class=\"hit card");
			check(hits > 0, "no run found for " + data.queries().get(i));
			found.add(hits + (page.body().contains("More than ") ? "+" : ""));
			smallest = Math.min(smallest, page.body().getBytes(StandardCharsets.UTF_8).length);
		}
		// A hit's link opens its run from the archive, as SigmaMind would have sent it.
		Matcher hit = Pattern.compile("href=\"(/agents/[^\"#]+/runs/[^\"#]+)")
			.matcher(session.get(paths.get(0)).body());
		check(hit.find() && session.get(hit.group(1)).statusCode() == 200, "the first hit's run page did not open");
		String list = pathList("search-paths.txt", "", paths).toString();
		wrk(session, paths.get(0), 1, this.options.warmUpSeconds(), smallest, "bench/uncached.lua", list);
		Wrk searches = wrk(session, paths.get(0), 1, this.options.smoke() ? 1 : 30, smallest, "bench/uncached.lua",
				list);
		// Then each query alone, the median of three, to tell which are slow.
		List<String> queries = new ArrayList<>();
		for (int i = 0; i < paths.size(); i++) {
			String path = paths.get(i);
			double millis = median(IntStream.range(0, 3).mapToDouble((n) -> timed(session, path)).toArray());
			queries.add(String.format(Locale.ROOT, "%s (%s, %.0f ms)", data.queries().get(i), found.get(i), millis));
		}
		row(searchFigure, String.format(Locale.ROOT, "%.1f ms; %.1f ms", searches.p50(), searches.p99()), searchTarget,
				searches.p50() <= 100 && searches.p99() <= 300,
				String.format(Locale.ROOT,
						"p50 and p99 over %d searches through Simboard's page, signed in, 1 connection, after %d s "
								+ "of the same; the queries in turn, with the runs each finds (50+: more than the "
								+ "50 listed) and its own median of 3 afterwards: %s. %s; loaded in %.0f s",
						searches.requests(), this.options.warmUpSeconds(), String.join(", ", queries),
						data.describe(), loadSeconds));

		double megabytes = (after.bytes() - before.bytes()) / (1024.0 * 1024.0);
		row(sizeFigure, String.format(Locale.ROOT, "%.1f MB", megabytes * 1000 / shape.searchRuns()), "—", true,
				String.format(Locale.ROOT,
						"PostgreSQL's pg_total_relation_size of the archive's tables (with their indexes and "
								+ "TOAST), grown by %.0f MB for the %,d runs loaded for search (their JSON with the "
								+ "conversation, %d texts each, the indexes built whole after the load); the %,d runs "
								+ "Simboard archived itself from the fake SigmaMind before, %.1f messages each on "
								+ "average, took %.1f MB per 1,000",
						megabytes, shape.searchRuns(), SearchData.MESSAGES + 3, before.runs(), before.messagesPerRun(),
						before.megabytesPerThousandRuns()));
	}

	/** The archive's runs, texts and size on disk. */
	record ArchiveSize(long runs, long messages, long bytes) {

		static ArchiveSize of(Postgres postgres) {
			String[] figures = postgres
				.query("select (select count(*) from archived_run), "
						+ "(select count(*) from archived_text where kind = 'message'), "
						+ "(select sum(pg_total_relation_size(t)) from unnest(array['archived_run', 'archived_text', "
						+ "'archived_batch', 'rendered_body']::regclass[]) t)")
				.split("\\|");
			return new ArchiveSize(Long.parseLong(figures[0]), Long.parseLong(figures[1]), Long.parseLong(figures[2]));
		}

		double messagesPerRun() {
			return (this.runs > 0) ? (double) this.messages / this.runs : 0;
		}

		double megabytesPerThousandRuns() {
			return (this.runs > 0) ? this.bytes / (1024.0 * 1024.0) / this.runs * 1000 : 0;
		}

	}

	/**
	 * The runs loaded for the search figure, as SQL for psql, straight into the archive's
	 * tables once Flyway has made them: 100 batches of an agent of their own, each run
	 * with {@value #MESSAGES} messages, its test case's label and criteria and the
	 * judge's remarks, and its JSON as SigmaMind would send it. A message is two
	 * fragments of text, now and then with one of a few rare words between them. A
	 * fragment is a stock phrase agents repeat, or a few words drawn from a vocabulary of
	 * about 4,000 by Zipf's law (a word's chance falls as 1 ÷ its rank, as in natural
	 * language: "the" is in most messages, most words in few). Java draws the fragments,
	 * seeded, so every run of the benchmark has the same; the database pairs them at
	 * random with generate_series. Two sessions load at once, a half of the runs each,
	 * with the indexes dropped and made again afterwards, as PostgreSQL's manual advises
	 * for bulk loads.
	 */
	record SearchData(int runs, List<String> vocabulary, List<String> fragments, List<String> queries) {

		static final String AGENT = "bench_search_agent";

		static final int MESSAGES = 50;

		static final int BATCHES = 100;

		static final int VOCABULARY = 4_000;

		static final int FRAGMENTS = 5_000;

		/** How many messages each rare word is in, about. */
		static final int RARE_MESSAGES = 20;

		/** The most common words, most common first: the top of the vocabulary. */
		static final List<String> COMMON = List.of("the", "you", "to", "i", "a", "and", "your", "is", "it", "for",
				"that", "can", "of", "this", "my", "me", "on", "be", "with", "have", "in", "will", "we", "what",
				"order", "refund", "account", "help", "please", "thank", "payment", "delivery", "number", "card",
				"address", "email", "check", "change", "cancel", "today", "time", "sorry", "need", "item", "package",
				"tracking", "return", "price", "charge", "bill", "balance", "plan", "service", "problem", "issue",
				"update", "confirm", "subscription", "store", "shipping", "week", "day", "name", "phone", "password",
				"login", "reset", "access", "agent", "manager", "transfer", "hold", "wait", "minute", "question",
				"policy", "receipt", "discount", "code", "credit", "bank", "pending", "approved", "declined",
				"invoice");

		/** Phrases agents and callers repeat: every tenth fragment is one. */
		static final List<String> STOCK = List.of("Let me check your order.", "I would like a refund.",
				"Is there anything else I can help you with?", "Your package is on its way.",
				"I am sorry for the trouble.", "Can you confirm your email address?",
				"I have cancelled the subscription.", "The payment was declined.");

		/** Test cases' labels, numbered: 50 test cases. */
		static final List<String> CASES = List.of("Refund request", "Order status", "Change delivery address",
				"Cancel subscription", "Billing question", "Lost package", "Password reset", "Angry customer",
				"Declined payment", "Discount code");

		/**
		 * Words in no fragment: the database puts each in about {@value #RARE_MESSAGES}
		 * messages.
		 */
		static final List<String> RARE = List.of("quokka", "kerfuffle", "zeppelin", "marzipan", "xylophone",
				"tamarind");

		private static final String[] SYLLABLES = { "ba", "be", "bi", "bo", "da", "de", "di", "do", "fa", "fe", "fi",
				"ga", "go", "la", "le", "li", "lo", "lu", "ma", "me", "mi", "mo", "na", "ne", "ni", "no", "pa", "pe",
				"po", "ra", "re", "ri", "ro", "ru", "sa", "se", "si", "so", "ta", "te", "ti", "to", "tu", "va", "ve",
				"vi", "ter", "ran", "mon", "dor", "vel", "gar", "lin", "sun" };

		static SearchData of(int runs) {
			Random random = new Random(15);
			List<String> vocabulary = new ArrayList<>(COMMON);
			Set<String> taken = new HashSet<>(COMMON);
			taken.addAll(RARE);
			while (vocabulary.size() < VOCABULARY) {
				StringBuilder word = new StringBuilder();
				for (int syllables = 2 + random.nextInt(2); syllables > 0; syllables--) {
					word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
				}
				if (taken.add(word.toString())) {
					vocabulary.add(word.toString());
				}
			}
			List<String> fragments = new ArrayList<>(FRAGMENTS);
			for (int i = 0; i < FRAGMENTS; i++) {
				if (i % 10 == 0) {
					fragments.add(STOCK.get(i / 10 % STOCK.size()));
					continue;
				}
				List<String> words = new ArrayList<>();
				for (int count = 3 + random.nextInt(7); count > 0; count--) {
					words.add(vocabulary.get(zipf(random, vocabulary.size()) - 1));
				}
				String text = String.join(" ", words);
				fragments.add(Character.toUpperCase(text.charAt(0)) + text.substring(1)
						+ ((random.nextInt(10) == 0) ? "?" : "."));
			}
			// Words of the vocabulary's middle and tail that fragments have, and two
			// words past the common ones side by side in a fragment: a phrase far rarer
			// than the stock ones.
			List<List<String>> words = fragments.stream()
				.map((fragment) -> List.of(fragment.toLowerCase(Locale.ROOT).split("[^a-z]+")))
				.toList();
			Set<String> used = words.stream().flatMap(List::stream).collect(Collectors.toSet());
			String middle = vocabulary.subList(300, VOCABULARY)
				.stream()
				.filter(used::contains)
				.findFirst()
				.orElseThrow();
			String tail = vocabulary.subList(2_000, VOCABULARY)
				.stream()
				.filter(used::contains)
				.findFirst()
				.orElseThrow();
			String phrase = words.stream()
				.flatMap((fragment) -> IntStream.range(1, fragment.size())
					.filter((i) -> !COMMON.contains(fragment.get(i - 1)) && !COMMON.contains(fragment.get(i)))
					.mapToObj((i) -> fragment.get(i - 1) + " " + fragment.get(i)))
				.findFirst()
				.orElseThrow();
			List<String> queries = List.of("refund", "order", "account", "refund account", middle, tail, RARE.get(0),
					RARE.get(2), RARE.get(4), "\"check your order\"", "\"" + phrase + "\"", "refund -order",
					"account -payment");
			return new SearchData(runs, vocabulary, fragments, queries);
		}

		/** A rank from 1 to {@code n}: rank k with a chance proportional to 1 ÷ k. */
		static int zipf(Random random, int n) {
			return Math.min(n, (int) Math.exp(random.nextDouble() * Math.log(n + 1)));
		}

		int runsPerBatch() {
			return this.runs / BATCHES;
		}

		/** What was loaded, for the table. */
		String describe() {
			double words = this.fragments.stream()
				.mapToInt((fragment) -> fragment.split(" ").length)
				.average()
				.orElse(0);
			return String.format(Locale.ROOT,
					"%,d runs in %d batches loaded straight into PostgreSQL, %d messages each of two fragments "
							+ "(about %.0f words) drawn from %,d: %d stock phrases and words of a %,d-word "
							+ "vocabulary drawn by Zipf's law, %d rare words in about %d messages each",
					this.runs, BATCHES, MESSAGES, 2 * words, FRAGMENTS, STOCK.size(), this.vocabulary.size(),
					RARE.size(), RARE_MESSAGES);
		}

		/** The fragments and test cases, the indexes dropped, the batches. */
		String setup() {
			StringBuilder values = new StringBuilder();
			for (int i = 0; i < this.fragments.size(); i++) {
				values.append((i > 0) ? ",\n" : "")
					.append("(")
					.append(i + 1)
					.append(", ")
					.append(literal(this.fragments.get(i)))
					.append(")");
			}
			StringBuilder cases = new StringBuilder();
			for (int i = 1; i <= 50; i++) {
				cases.append((i > 1) ? ",\n" : "")
					.append(String.format(Locale.ROOT, "(%d, 'bench_case_%02d', %s, %s)", i, i,
							literal(CASES.get(i % CASES.size()) + " " + i),
							literal("The agent " + this.fragments.get(i * 7).toLowerCase(Locale.ROOT))));
			}
			return """
					-- Search data for bench/Bench.java (see SearchData there). The bench_ tables and
					-- function are the load's own, and go at its end.
					set client_min_messages = warning;
					create function bench_iso(moment timestamptz) returns text immutable language sql
						as $$ select to_char(moment at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') $$;
					create unlogged table bench_fragment (n integer primary key, body text not null);
					insert into bench_fragment (n, body) values
					%s;
					create unlogged table bench_case (n integer primary key, id text not null, label text not null,
						criteria text not null);
					insert into bench_case (n, id, label, criteria) values
					%s;
					-- Indexes that are no constraint's are dropped here and made again, as they were,
					-- once the rows are in.
					create unlogged table bench_index as
					select indexname, indexdef from pg_indexes i
					where schemaname = current_schema() and tablename in ('archived_run', 'archived_text')
						and not exists (select 1 from pg_constraint c
							where c.conindid = format('%%I.%%I', i.schemaname, i.indexname)::regclass);
					do $$
					declare
						i record;
					begin
						for i in select indexname from bench_index loop
							execute format('drop index %%I', i.indexname);
						end loop;
					end
					$$;
					-- Runs get IDs after those Simboard archived (its sequence moves past them at the
					-- end); batches an hour apart, the newest an hour ago.
					create unlogged table bench_base as
					select coalesce(max(id), 0) as base, now() - interval '%d hours' as start from archived_run;
					insert into archived_batch (batch_id, agent_id, created_at, completed_at, run_count, runs_archived,
						archived_at, batch_json)
					select 'bench_search_batch_' || lpad(b::text, 4, '0'), '%s', start + b * interval '1 hour',
						start + b * interval '1 hour' + interval '30 minutes', %d, true, now(),
						json_build_object('batchId', 'bench_search_batch_' || lpad(b::text, 4, '0'),
							'workspaceId', 'bench', 'agent', json_build_object('agentId', '%s', 'name', 'Search bench'),
							'createdDate', bench_iso(start + b * interval '1 hour'), 'testCases', json_build_array(),
							'totalAttempts', %d)::text
					from generate_series(1, %d) b, bench_base;
					""".formatted(values, cases, BATCHES + 1, AGENT, runsPerBatch(), AGENT, runsPerBatch(), BATCHES);
		}

		/** Half the runs ({@code part} 0 or 1), with their texts. */
		String load(int part) {
			double rare = (double) RARE.size() * RARE_MESSAGES / ((double) this.runs * MESSAGES);
			String rareWords = RARE.stream().map(Bench::literal).collect(Collectors.joining(", "));
			return String.format(Locale.ROOT, """
					set client_min_messages = warning;
					set work_mem = '64MB';
					-- A database of the benchmark's own, dropped at its end: no need to wait for the disk.
					set synchronous_commit = off;
					create unlogged table bench_message_%1$d as
					select s.r, s.m, case when s.m %% 2 = 1 then 'user' else 'assistant' end as speaker,
						a.body || case when s.x < %2$.9f
							then ' ' || (array[%3$s])[1 + floor(s.x * 1e9)::bigint %% %4$d] else '' end || ' ' || b.body
							as body
					from (select r, m, 1 + floor(random() * %5$d)::int as a, 1 + floor(random() * %5$d)::int as b,
							random() as x
						from generate_series(1 + %1$d, %6$d, 2) r, generate_series(1, %7$d) m) s
					join bench_fragment a on a.n = s.a
					join bench_fragment b on b.n = s.b;
					create unlogged table bench_run_%1$d as
					select s.r, 1 + (s.r - 1) / %8$d as batch, 1 + s.r %% 50 as test_case, s.x < 0.7 as passed,
						a.body || ' ' || b.body as remarks
					from (select r, random() as x, 1 + floor(random() * %5$d)::int as a,
							1 + floor(random() * %5$d)::int as b
						from generate_series(1 + %1$d, %6$d, 2) r) s
					join bench_fragment a on a.n = s.a
					join bench_fragment b on b.n = s.b;
					insert into archived_run (id, job_id, agent_id, batch_id, chat_id, test_case_id, test_case_label,
						outcome, created_at, completed_at, archived_at, run_json, listed_at)
					select base + r.r, t.job, '%9$s', t.batch, null, c.id, c.label,
						case when r.passed then 'passed' else 'failed' end, t.created, t.created + interval '95 seconds',
						now(),
						json_build_object('batchId', t.batch, 'workspaceId', 'bench',
							'agent', json_build_object('agentId', '%9$s', 'name', 'Search bench'),
							'testCase', json_build_object('testCaseId', c.id, 'label', c.label,
								'successCriteria', c.criteria, 'attempt', 1),
							'jobId', t.job, 'createdDate', bench_iso(t.created),
							'completedDate', bench_iso(t.created + interval '95 seconds'), 'isSuccessful', r.passed,
							'remarks', r.remarks, 'conversation', m.conversation)::text,
						start + r.batch * interval '1 hour'
					from bench_run_%1$d r
					join bench_case c on c.n = r.test_case
					join (select r, json_agg(json_build_object('role', speaker, 'content', body) order by m)
							as conversation
						from bench_message_%1$d group by r) m on m.r = r.r
					cross join bench_base
					cross join lateral (select 'bench_search_job_' || lpad(r.r::text, 7, '0') as job,
						'bench_search_batch_' || lpad(r.batch::text, 4, '0') as batch,
						start + r.batch * interval '1 hour' + (r.r - 1) %% %8$d * interval '1 second' as created) t;
					insert into archived_text (run_id, kind, ordinal, speaker, body)
					select base + r, 'message', m, speaker, body from bench_message_%1$d, bench_base
					union all
					select base + r, 'remarks', 0, null, remarks from bench_run_%1$d, bench_base
					union all
					select base + r, 'label', 0, null, c.label
					from bench_run_%1$d join bench_case c on c.n = test_case cross join bench_base
					union all
					select base + r, 'criteria', 0, null, c.criteria
					from bench_run_%1$d join bench_case c on c.n = test_case cross join bench_base;
					drop table bench_message_%1$d, bench_run_%1$d;
					""", part, rare, rareWords, RARE.size(), FRAGMENTS, this.runs, MESSAGES, runsPerBatch(), AGENT);
		}

		/**
		 * The dropped indexes made again: the trigram ones ({@code part} 0, the longest
		 * to make) or the others with the runs' statistics (1).
		 */
		String index(int part) {
			return """
					set client_min_messages = warning;
					set maintenance_work_mem = '512MB';
					do $$
					declare
						i record;
					begin
						for i in select indexdef from bench_index where (indexdef like '%%gin_trgm_ops%%') = %s loop
							execute i.indexdef;
						end loop;
					end
					$$;
					%s
					""".formatted((part == 0) ? "true" : "false",
					(part == 0) ? "" : "vacuum (analyze) archived_run;\nvacuum (analyze) archived_batch;");
		}

		/**
		 * Statistics and the visibility map, as autovacuum would soon make them (now, so
		 * it does not run during the searches), the sequence past the loaded IDs, and the
		 * load's own tables gone.
		 */
		String finish() {
			return """
					set client_min_messages = warning;
					vacuum (analyze) archived_text;
					select setval(pg_get_serial_sequence('archived_run', 'id'), (select max(id) from archived_run));
					drop table bench_fragment, bench_case, bench_index, bench_base;
					drop function bench_iso;
					""";
		}

	}

	/**
	 * A PostgreSQL database of the benchmark's own, reached with psql: on the server of
	 * PGHOST, PGPORT and PGUSER if set, else 127.0.0.1:5432 as postgres, with trust
	 * authentication (or a password in PGPASSWORD or ~/.pgpass, for psql only).
	 */
	record Postgres(String host, String port, String user, String database) {

		static Postgres local() {
			return new Postgres(environment("PGHOST", "127.0.0.1"), environment("PGPORT", "5432"),
					environment("PGUSER", "postgres"),
					"simboard_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
		}

		private static String environment(String name, String otherwise) {
			String value = System.getenv(name);
			return (value != null && !value.isBlank()) ? value : otherwise;
		}

		String server() {
			return this.host + ":" + this.port;
		}

		String jdbcUrl() {
			return "jdbc:postgresql://" + server() + "/" + this.database;
		}

		void create() {
			command(psql("postgres", "-c", "create database " + this.database));
		}

		void drop() {
			command(psql("postgres", "-c", "drop database if exists " + this.database + " with (force)"));
		}

		/** One query's answer, columns separated by {@code |}. */
		String query(String sql) {
			return command(psql(this.database, "-c", sql)).strip();
		}

		/** Runs a file of SQL, stopping at the first error. */
		void run(Path file) {
			command(psql(this.database, "-f", file.toString()));
		}

		/** Runs files of SQL at once, each in a session of its own. */
		void runAtOnce(List<Path> files) {
			ExecutorService pool = Executors.newFixedThreadPool(files.size());
			try {
				files.stream()
					.map((file) -> CompletableFuture.runAsync(() -> run(file), pool))
					.toList()
					.forEach(CompletableFuture::join);
			}
			finally {
				pool.shutdown();
			}
		}

		private ProcessBuilder psql(String database, String... arguments) {
			List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
					"-h", this.host, "-p", this.port, "-U", this.user, "-d", database));
			command.addAll(Arrays.asList(arguments));
			ProcessBuilder builder = new ProcessBuilder(command);
			builder.environment().put("PGCONNECT_TIMEOUT", "10");
			return builder;
		}

	}

	// --- Simboard processes

	Jvm start(String name, String... arguments) throws IOException {
		return start(name, List.of("-jar", this.options.jar().toString()), arguments);
	}

	/** A Simboard JVM: {@code launch} is what comes after {@code java} up to the jar. */
	Jvm start(String name, List<String> launch, String... arguments) throws IOException {
		return start(name, new Launch(launch, emptyDataDir(name), List.of(arguments)));
	}

	/**
	 * Starts a Simboard JVM again as it was started, once stopped, on the same database
	 * (and data folder): a restart, after which only what the archive holds is left.
	 */
	Jvm relaunch(Jvm jvm, String name) throws IOException {
		jvm.stop();
		return start(name, jvm.launch());
	}

	Jvm start(String name, Launch launch) throws IOException {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(java());
		if (this.options.profile()) {
			command.add("-XX:StartFlightRecording=filename=" + this.options.work().resolve(name + ".jfr")
					+ ",settings=profile");
		}
		command.addAll(launch.java());
		command.add("--server.port=" + port);
		command.add("--simboard.data-dir=" + launch.dataDir());
		command.addAll(launch.arguments());
		Path log = this.options.work().resolve(name + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		Jvm jvm = new Jvm(name, launch, process, port, log);
		this.jvms.add(jvm);
		return jvm;
	}

	/**
	 * How a Simboard JVM is started.
	 *
	 * @param java what comes after {@code java} up to the jar
	 * @param dataDir its data folder (its embedded database, when it has one)
	 * @param arguments Simboard's settings
	 */
	record Launch(List<String> java, Path dataDir, List<String> arguments) {
	}

	/**
	 * The launch the Docker image uses: the jar extracted (Spring Boot's tools jar mode)
	 * and an AOT cache (Java 25+) or a CDS archive (older) recorded by a training run that
	 * serves its sign-in page to itself and stops (simboard.aot-training.enabled).
	 */
	List<String> deployed(String... arguments) throws IOException {
		Path app = this.options.work().resolve("app").toAbsolutePath();
		command(java(), "-Djarmode=tools", "-jar", this.options.jar().toString(), "extract", "--force",
				"--destination", app.toString());
		Path jar = app.resolve(this.options.jar().getFileName());
		boolean aot = Runtime.version().feature() >= 25;
		Path archive = this.options.work().resolve(aot ? "simboard.aot" : "simboard.jsa").toAbsolutePath();
		Files.deleteIfExists(archive);
		List<String> training = new ArrayList<>(List.of(java(),
				aot ? "-XX:AOTCacheOutput=" + archive : "-XX:ArchiveClassesAtExit=" + archive,
				"-jar", jar.toString(), "--simboard.aot-training.enabled=true", "--server.port=" + freePort(),
				"--simboard.data-dir=" + emptyDataDir("training")));
		if (aot && this.options.profile()) {
			// A flight recording adds the jdk.jfr module; an AOT cache holds only for the
			// modules it was recorded with.
			training.add(1, "--add-modules=jdk.jfr");
		}
		training.addAll(Arrays.asList(arguments));
		command(training.toArray(String[]::new));
		say("recorded " + archive.getFileName() + " for start-up, " + Files.size(archive) / (1024 * 1024) + " MB");
		// "on": a cache or archive the JVM cannot use stops it, rather than a slow start that
		// the table would call an AOT or CDS start.
		return aot ? List.of("-XX:AOTMode=on", "-XX:AOTCache=" + archive, "-jar", jar.toString())
				: List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-jar", jar.toString());
	}

	/**
	 * An empty folder for a Simboard JVM's embedded database (used when it has a key and no
	 * spring.datasource.url), so no run starts from an earlier run's archive and none
	 * writes into the project's ./data.
	 */
	Path emptyDataDir(String name) throws IOException {
		Path folder = this.options.work().resolve("data").resolve(name).toAbsolutePath();
		if (Files.exists(folder)) {
			try (Stream<Path> paths = Files.walk(folder)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
		return Files.createDirectories(folder);
	}

	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	void stopAll() {
		this.jvms.forEach(Jvm::stop);
	}

	// --- wrk

	/**
	 * wrk against one page of the signed-in session, taking gzip as browsers do; checks
	 * every answer was the page.
	 */
	Wrk wrk(Session session, String path, int connections, int seconds, int expectedBytes, String... script) {
		List<String> command = new ArrayList<>(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s",
				"--timeout", "10s", "--latency", "-H", "Cookie: " + session.cookie(), "-H", ACCEPT_GZIP));
		if (script.length > 0) {
			command.addAll(List.of("-s", script[0]));
		}
		command.add(session.base() + path);
		if (script.length > 1) {
			command.add("--");
			command.addAll(Arrays.asList(script).subList(1, script.length));
		}
		String output = command(command.toArray(String[]::new));
		Wrk result = Wrk.parse(output);
		check(result.requests() > 0, "wrk made no requests:\n" + output);
		check(!output.contains("Non-2xx"), "wrk saw error answers for " + path + ":\n" + output);
		Matcher errors = SOCKET_ERRORS.matcher(output);
		check(!errors.find() || (errors.group(1).equals("0") && errors.group(2).equals("0")),
				"wrk could not connect or timed out on " + path + ":\n" + output);
		// A sign-in redirect is a 3xx that wrk counts as fine: the bytes tell. Gzipped, a
		// page is a fifth of its size or so, still well above a redirect's few hundred.
		check(result.bytes() / result.requests() >= Math.min(expectedBytes * 0.9, 1_000),
				"wrk got " + result.bytes() / result.requests() + " bytes per answer from " + path + ", expected about "
						+ expectedBytes);
		return result;
	}

	/** What browsers send: Simboard and the static file answer gzipped. */
	static final String ACCEPT_GZIP = "Accept-Encoding: gzip, deflate, br";

	private static final Pattern SOCKET_ERRORS = Pattern
		.compile("Socket errors: connect (\\d+), read \\d+, write \\d+, timeout (\\d+)");

	/** Load on each page, not measured: until the JIT has compiled what they run. */
	void warmUp(Session session, String... paths) {
		for (String path : paths) {
			command("wrk", "-t1", "-c8", "-d" + this.options.warmUpSeconds() + "s", "--timeout", "10s", "-H",
					"Cookie: " + session.cookie(), "-H", ACCEPT_GZIP, session.base() + path);
		}
	}

	record Wrk(long requests, long bytes, double requestsPerSecond, double p50, double p99) {

		private static final Pattern TOTALS = Pattern.compile("(\\d+) requests in [\\d.]+\\w+, ([\\d.]+)(\\w+) read");

		private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");

		static Wrk parse(String output) {
			Matcher totals = TOTALS.matcher(output);
			Matcher rate = RATE.matcher(output);
			if (!totals.find() || !rate.find()) {
				throw new IllegalStateException("Cannot read wrk's output:\n" + output);
			}
			double bytes = Double.parseDouble(totals.group(2)) * switch (totals.group(3)) {
				case "B" -> 1;
				case "KB" -> 1024;
				case "MB" -> 1024 * 1024;
				case "GB" -> 1024 * 1024 * 1024;
				default -> throw new IllegalStateException("Unit " + totals.group(3));
			};
			return new Wrk(Long.parseLong(totals.group(1)), (long) bytes, Double.parseDouble(rate.group(1)),
					millis(output, "50%"), millis(output, "99%"));
		}

		private static double millis(String output, String percentile) {
			Matcher matcher = Pattern.compile("\\s" + percentile + "\\s+([\\d.]+)(us|ms|s|m)\\b").matcher(output);
			if (!matcher.find()) {
				throw new IllegalStateException("No " + percentile + " in wrk's output:\n" + output);
			}
			double value = Double.parseDouble(matcher.group(1));
			return switch (matcher.group(2)) {
				case "us" -> value / 1000;
				case "ms" -> value;
				case "s" -> value * 1000;
				default -> value * 60_000;
			};
		}

	}

	// --- the table

	/** The target of a row measured only to compare. */
	static final String NO_TARGET = "none (compared only)";

	void row(String figure, String measured, String target, boolean met, String how) {
		this.rows.add(new Row(figure, measured, target, met, how));
		say(figure + ": " + measured + " (target " + target + (met ? ", met" : ", MISSED") + ")");
	}

	void print(Shape shape) throws IOException {
		StringBuilder table = new StringBuilder();
		table.append(String.format(Locale.ROOT, "Simboard benchmark, %s, %s%s%n%n", LocalDate.now(), machine(),
				this.options.smoke() ? " — SMOKE RUN: tiny data and 1-second runs, figures not meaningful" : ""));
		table.append("| figure | measured | target | met |\n|---|---|---|---|\n");
		for (Row row : this.rows) {
			table.append("| ").append(row.figure()).append(" | ").append(row.measured()).append(" | ")
				.append(row.target())
				.append(" | ")
				.append(NO_TARGET.equals(row.target()) ? "—" : row.met() ? "yes" : "**no**")
				.append(" |\n");
		}
		table.append("\nHow each figure was taken:\n\n");
		for (Row row : this.rows) {
			table.append("- ").append(row.figure()).append(": ").append(row.how()).append('\n');
		}
		if (!this.notes.isEmpty()) {
			table.append("\nNotes:\n\n");
			this.notes.forEach((note) -> table.append("- ").append(note).append('\n'));
		}
		Files.writeString(this.options.work().resolve("results.md"), table);
		System.out.println();
		System.out.print(table);
		System.out.println();
		System.out.println("(also in " + this.options.work().resolve("results.md") + "; logs beside it)");
	}

	static String machine() {
		String cpu = "unknown CPU";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse(cpu);
		}
		catch (IOException ex) {
			// Not Linux: the CPU stays unnamed.
		}
		String load = "";
		try {
			load = ", load " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException ex) {
			// Not Linux.
		}
		return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), Java "
				+ System.getProperty("java.version") + load;
	}

	record Row(String figure, String measured, String target, boolean met, String how) {
	}

	/** Sizes of the data sets: the issue's, or tiny ones for the smoke run. */
	record Shape(int batches, int testCases, int bigTestCases, int uncachedWarmUpRuns, int restartWarmUpRuns,
			int restartRuns, int searchRuns, int reviews) {

		static final Shape FULL = new Shape(20, 500, 2_500, 1_000, 1_000, 200, 100_000, 2_000);

		static final Shape SMOKE = new Shape(2, 10, 25, 3, 3, 5, 1_000, 10);

		int runsPerBigBatch() {
			return this.bigTestCases * 4;
		}

		int runsPerBatch() {
			return this.testCases * 4;
		}

	}

	record Options(boolean smoke, boolean profile, boolean archiveOnly, boolean replicasOnly, Path jar, Path work, int rounds, int seconds, int warmUpSeconds) {

		static Options parse(String[] args) {
			boolean smoke = false;
			boolean profile = false;
			boolean archiveOnly = false;
			boolean replicasOnly = false;
			Path jar = null;
			Path work = Path.of("target", "bench");
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--smoke" -> smoke = true;
					case "--profile" -> profile = true;
					case "--archive-only" -> archiveOnly = true;
					case "--replicas-only" -> replicasOnly = true;
					case "--jar" -> jar = Path.of(args[++i]);
					case "--work" -> work = Path.of(args[++i]);
					default -> throw new IllegalArgumentException("Unknown option " + args[i]
							+ "; use: [--smoke] [--profile] [--archive-only | --replicas-only] --jar target/simboard-….jar [--work folder]");
				}
			}
			if (jar == null || !Files.isRegularFile(jar)) {
				throw new IllegalArgumentException("No Simboard jar at " + jar + ": run ./mvnw package first");
			}
			return new Options(smoke, profile, archiveOnly, replicasOnly, jar, work, smoke ? 1 : 3, smoke ? 1 : 5, smoke ? 1 : 10);
		}

	}

	// --- HTTP

	/** A signed-in browser session: a cookie jar over one HTTP client. */
	record Session(String base, HttpClient client, CookieManager cookies) {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

		static Session signIn(String base, String user, String password) {
			CookieManager cookies = new CookieManager();
			HttpClient client = HttpClient.newBuilder()
				.cookieHandler(cookies)
				.connectTimeout(Duration.ofSeconds(5))
				.version(HttpClient.Version.HTTP_1_1)
				.build();
			Session session = new Session(base, client, cookies);
			Matcher csrf = CSRF.matcher(session.get("/login").body());
			check(csrf.find(), "no CSRF token on " + base + "/login");
			String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf="
					+ encode(csrf.group(1));
			HttpResponse<String> response = session.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)));
			String location = response.headers().firstValue("Location").orElse("");
			check(response.statusCode() == 302 && !location.contains("error"),
					"sign-in as " + user + " at " + base + " failed: " + response.statusCode() + " " + location);
			return session;
		}

		HttpResponse<String> get(String path) {
			return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
		}

		/** The same cookies against another Simboard: a replica behind the same name. */
		Session at(String otherBase) {
			return new Session(otherBase, this.client, this.cookies);
		}

		HttpResponse<String> send(HttpRequest.Builder request) {
			try {
				return this.client.send(request.timeout(Duration.ofSeconds(60)).build(),
						HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		String cookie() {
			return this.cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter((cookie) -> cookie.getName().equals("JSESSIONID"))
				.map((cookie) -> cookie.getName() + "=" + cookie.getValue())
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No session cookie from " + this.base));
		}

		/** A meter's COUNT from the actuator, 0 while it has not been recorded yet. */
		long counter(String metric, String tag) {
			HttpResponse<String> response = get("/actuator/metrics/" + metric + "?tag=" + encode(tag));
			if (response.statusCode() == 404) {
				return 0;
			}
			return (long) statistic(response, "COUNT");
		}

		double gauge(String metric, String tag) {
			return statistic(get("/actuator/metrics/" + metric + "?tag=" + encode(tag)), "VALUE");
		}

		private static double statistic(HttpResponse<String> response, String name) {
			check(response.statusCode() == 200, "actuator answered " + response.statusCode());
			Matcher matcher = Pattern.compile("\"statistic\":\"" + name + "\",\"value\":([0-9.Ee+-]+)")
				.matcher(response.body());
			check(matcher.find(), "no " + name + " in " + response.body());
			return Double.parseDouble(matcher.group(1));
		}

	}

	/** The fake SigmaMind's API, read with its key, for the IDs to measure. */
	record Api(String base, String key) {

		String get(String path) {
			try {
				HttpResponse<String> response = HttpClient.newHttpClient()
					.send(HttpRequest.newBuilder(URI.create(this.base + path)).header("X-API-Key", this.key).build(),
							HttpResponse.BodyHandlers.ofString());
				check(response.statusCode() == 200, "GET " + path + " answered " + response.statusCode());
				return response.body();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		String first(String path, String field) {
			return ids(get(path), field).get(0);
		}

		/** The IDs of every page of a paged list. */
		List<String> all(String path, String field) {
			return pages(path, field).stream().flatMap((page) -> ids(page, field).stream()).distinct().toList();
		}

		/** Every page of a paged list, page by page until one has no {@code field}. */
		List<String> pages(String path, String field) {
			List<String> pages = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			for (int page = 0;; page++) {
				String body = get(path + (path.contains("?") ? "&" : "?") + "page=" + page);
				if (!body.contains("\"" + field + "\"") || !seen.addAll(ids(body, field))) {
					return pages;
				}
				pages.add(body);
			}
		}

	}

	/** A Simboard JVM started by the benchmark, with its log in the work folder. */
	static final class Jvm {

		private final String name;

		private final Launch launch;

		private final Process process;

		private final int port;

		private final Path log;

		Jvm(String name, Launch launch, Process process, int port, Path log) {
			this.name = name;
			this.launch = launch;
			this.process = process;
			this.port = port;
			this.log = log;
		}

		Launch launch() {
			return this.launch;
		}

		Path log() {
			return this.log;
		}

		String base() {
			return "http://127.0.0.1:" + this.port;
		}

		long pid() {
			return this.process.pid();
		}

		void awaitReady(Duration timeout) {
			awaitFirstPage(System.nanoTime(), timeout);
		}

		/** Seconds from {@code launched} to the first 200 from the login page. */
		double awaitFirstPage(long launched, Duration timeout) {
			HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
			HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/login"))
				.timeout(Duration.ofSeconds(5))
				.build();
			long deadline = launched + timeout.toNanos();
			while (System.nanoTime() < deadline) {
				check(this.process.isAlive(), this.name + " stopped at start-up:\n" + tail());
				try {
					if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
						return (System.nanoTime() - launched) / 1e9;
					}
				}
				catch (IOException ex) {
					// Not listening yet.
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
				sleep(20);
			}
			throw new IllegalStateException(this.name + " did not serve a page within " + timeout + ":\n" + tail());
		}

		/** Spring Boot's own "Started … in … seconds" line, for the notes. */
		String startedLine() {
			try {
				return Files.readAllLines(this.log)
					.stream()
					.filter((line) -> line.contains("Started ") && line.contains(" seconds"))
					.map((line) -> "Spring Boot said \"" + line.substring(line.indexOf("Started ")).trim() + "\"")
					.findFirst()
					.orElse("no start-up line in the log");
			}
			catch (IOException ex) {
				return "no log";
			}
		}

		void stop() {
			if (this.process.isAlive()) {
				this.process.destroy();
				try {
					if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
						this.process.destroyForcibly().waitFor();
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

		String tail() {
			try {
				List<String> lines = Files.readAllLines(this.log);
				return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
			}
			catch (IOException ex) {
				return "(no log)";
			}
		}

	}

	// --- small helpers

	/** Requests a page until it is cached and answers 200; returns its size in bytes. */
	static int warm(Session session, String path) {
		HttpResponse<String> response = null;
		for (int i = 0; i < 2; i++) {
			response = session.get(path);
			check(response.statusCode() == 200, path + " answered " + response.statusCode());
		}
		return response.body().getBytes(StandardCharsets.UTF_8).length;
	}

	/** The runs of a page of test runs whose conversation comes with them. */
	static List<String> runsWithConversation(String page) {
		// As in runWithMessages: each run's "conversation", when it has one, follows its
		// "jobId" (the demo API writes a run's fields in that order).
		String[] parts = page.split("\"jobId\":\"");
		List<String> jobs = new ArrayList<>();
		for (int i = 1; i < parts.length; i++) {
			if (parts[i].contains("\"conversation\":")) {
				jobs.add(parts[i].substring(0, parts[i].indexOf('"')));
			}
		}
		return jobs;
	}

	/** The job of a test-run list page whose conversation has exactly {@code messages} messages. */
	static String runWithMessages(String page, int messages) {
		// Each run's "conversation" follows its "jobId"; messages are the only objects with a "role".
		String[] parts = page.split("\"jobId\":\"");
		for (int i = 1; i < parts.length; i++) {
			String job = parts[i].substring(0, parts[i].indexOf('"'));
			if (count(parts[i], "\"role\":") == messages) {
				return job;
			}
		}
		throw new IllegalStateException("No run with " + messages + " messages in the showcase batch");
	}

	static List<String> ids(String json, String field) {
		Set<String> ids = new LinkedHashSet<>();
		Matcher matcher = Pattern.compile("\"" + field + "\":\"([A-Za-z0-9_-]+)\"").matcher(json);
		while (matcher.find()) {
			ids.add(matcher.group(1));
		}
		check(!ids.isEmpty(), "no " + field + " in " + json.substring(0, Math.min(300, json.length())));
		return new ArrayList<>(ids);
	}

	static int count(String text, String needle) {
		int count = 0;
		for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
			count++;
		}
		return count;
	}

	/** A string as an SQL literal. */
	static String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

	/** A figure of the admin page's archive section, such as "Runs", as it shows it. */
	static String adminFigure(Session session, String name) {
		HttpResponse<String> page = session.get("/admin");
		check(page.statusCode() == 200, "the admin page answered " + page.statusCode());
		Matcher figure = Pattern.compile("<dt>" + Pattern.quote(name) + "</dt><dd>([^<]*)</dd>").matcher(page.body());
		check(figure.find(), "no " + name + " on the admin page");
		return figure.group(1);
	}

	/** The CPU time a JVM has used so far, all its threads. */
	static long cpuNanos(Jvm jvm) {
		return ProcessHandle.of(jvm.pid())
			.flatMap((process) -> process.info().totalCpuDuration())
			.orElseThrow(() -> new IllegalStateException("no CPU time for " + jvm.pid()))
			.toNanos();
	}

	/** Milliseconds to a page's whole answer, checked to be a 200. */
	static double timed(Session session, String path) {
		long start = System.nanoTime();
		HttpResponse<String> response = session.get(path);
		double millis = (System.nanoTime() - start) / 1e6;
		check(response.statusCode() == 200, path + " answered " + response.statusCode());
		return millis;
	}

	static String command(String... command) {
		return command(new ProcessBuilder(command));
	}

	static String command(ProcessBuilder command) {
		try {
			Process process = command.redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			check(process.waitFor() == 0, String.join(" ", command.command()) + " failed:\n" + output);
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The nearest-rank percentile {@code p} (1-100) of these values. */
	static double percentile(double[] values, int p) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	static String fixed(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	static String join(int[] values) {
		return String.join(",", Arrays.stream(values).mapToObj(String::valueOf).toList());
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static void check(boolean condition, String problem) {
		if (!condition) {
			throw new IllegalStateException(problem);
		}
	}

	static void say(String line) {
		System.out.println("bench: " + line);
	}

}
