package dev.simboard.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import dev.simboard.demo.DemoData.Agent;
import dev.simboard.demo.DemoData.AgentSettings;
import dev.simboard.demo.DemoData.Batch;
import dev.simboard.demo.DemoData.Chat;
import dev.simboard.demo.DemoData.Landmarks;
import dev.simboard.demo.DemoData.Message;
import dev.simboard.demo.DemoData.MockVariable;
import dev.simboard.demo.DemoData.Run;
import dev.simboard.demo.DemoData.TestCase;
import dev.simboard.demo.DemoIds.Kind;
import dev.simboard.demo.DemoScripts.Common;
import dev.simboard.demo.DemoScripts.Customer;
import dev.simboard.demo.DemoScripts.Domain;
import dev.simboard.demo.DemoScripts.Ending;
import dev.simboard.demo.DemoScripts.Exchange;
import dev.simboard.demo.DemoScripts.Persona;
import dev.simboard.demo.DemoScripts.Scenario;
import dev.simboard.demo.DemoScripts.Variable;

/**
 * Makes the demo data set from the properties, the scripts and a fixed seed, by index:
 * agent {@code i}, test case {@code i}, batch {@code i}, run {@code i}. Agents, test
 * cases and batches are made at construction; a run, its conversation and its chat are
 * made when asked for, each from its own random stream, so that each is the same
 * whichever order runs are asked for in, and tens of thousands of runs cost no memory.
 * <p>
 * Agents come agent by agent; the batches of an agent newest first; the runs of a batch
 * oldest first, the attempts of its first test case first.
 */
final class DemoGenerator {

	/** Beyond this even counting the verdicts at start-up takes too long. */
	private static final long MAX_RUNS = 10_000_000L;

	/** Time between the starts of consecutive runs of a batch. */
	private static final long RUN_STEP_MILLIS = 5_000;

	private static final long MIN_RUN_MILLIS = 35_000;

	private static final long MAX_RUN_MILLIS = 240_000;

	private static final long HISTORY_MILLIS = Duration.ofDays(35).toMillis();

	private static final long AGENT_OFFSET_MILLIS = Duration.ofMinutes(47).toMillis();

	private static final double[] TEMPERATURES = { 0.2, 0.3, 0.5 };

	private static final int MAX_CALL_DURATION_SECONDS = 600;

	private static final long TEST_CASE_SALT = 1;

	private static final long BATCH_SALT = 2;

	private static final long RUN_SALT = 3;

	private static final long CONVERSATION_SALT = 4;

	// Indexes into landmarkRuns.
	private static final int OLDER = 0;

	private static final int MARKUP = 1;

	private static final int UNICODE = 2;

	private static final int LONG = 3;

	/** What the showcase texts' placeholders stand for. */
	private static final Map<String, String> PROBES = Map.of("script_text", DemoData.SCRIPT_TEXT, "bold_text",
			DemoData.BOLD_TEXT, "accented_text", DemoData.ACCENTED_TEXT, "emoji_text", DemoData.EMOJI_TEXT, "cjk_text",
			DemoData.CJK_TEXT, "arabic_text", DemoData.ARABIC_TEXT);

	private final DemoProperties properties;

	private final Instant now;

	private final DemoIds ids;

	private final Common common;

	private final List<Domain> domains;

	private final Exchange markup;

	private final List<Exchange> unicode;

	private final String workspaceId;

	private final int runsPerBatch;

	private final List<Agent> agents;

	private final List<TestCase> testCases;

	private final List<Map<String, String>> testCaseValues;

	private final double[] failureRates;

	private final long[] batchCreated;

	private final List<Batch> batches;

	/** Runs of the running batch (the first) that are finished: the oldest ones. */
	private final int runningFinished;

	private final int showcaseBatch;

	private final int[] landmarkRuns;

	/** The runs whose transcripts have the lengths asked for, in the order asked. */
	private final int[] sizedRuns;

	DemoGenerator(DemoProperties properties, Instant now, DemoIds ids, DemoScripts scripts) {
		if (totalRuns(properties) > MAX_RUNS) {
			throw new IllegalArgumentException(
					"simboard.demo asks for more than " + MAX_RUNS + " test runs: " + properties.agents() + " agents x "
							+ properties.batchesPerAgent() + " batches x " + properties.testCasesPerBatch()
							+ " test cases x " + properties.attemptsPerTestCase() + " attempts");
		}
		this.properties = properties;
		this.now = now.truncatedTo(ChronoUnit.MILLIS);
		this.ids = ids;
		this.common = scripts.common();
		this.domains = scripts.domains();
		this.markup = this.common.showcase().markup().filled(PROBES);
		this.unicode = this.common.showcase().unicode().stream().map((exchange) -> exchange.filled(PROBES)).toList();
		this.workspaceId = ids.id(Kind.ORG, 0);
		this.runsPerBatch = properties.runsPerBatch();
		this.agents = createAgents();
		int testCaseCount = properties.agents() * properties.testCasesPerBatch();
		this.failureRates = new double[testCaseCount];
		List<TestCase> testCases = new ArrayList<>(testCaseCount);
		List<Map<String, String>> values = new ArrayList<>(testCaseCount);
		for (int i = 0; i < testCaseCount; i++) {
			createTestCase(i, testCases, values);
		}
		this.testCases = Collections.unmodifiableList(testCases);
		this.testCaseValues = Collections.unmodifiableList(values);
		// At least one run of the running batch is still running, and at least one is
		// finished when there are two.
		this.runningFinished = (this.runsPerBatch >= 2) ? this.runsPerBatch * 3 / 5 : 0;
		this.showcaseBatch = (properties.batchesPerAgent() >= 2) ? 1 : 0;
		this.landmarkRuns = landmarkRuns();
		this.sizedRuns = sizedRuns();
		this.batchCreated = batchCreated();
		this.batches = createBatches();
	}

	DemoProperties properties() {
		return this.properties;
	}

	Instant now() {
		return this.now;
	}

	String workspaceId() {
		return this.workspaceId;
	}

	/** All agents, first agent first. */
	List<Agent> agents() {
		return this.agents;
	}

	/** All test cases, agent by agent. */
	List<TestCase> testCases() {
		return this.testCases;
	}

	/** All batches, agent by agent, each agent's newest first. */
	List<Batch> batches() {
		return this.batches;
	}

	int runsPerBatch() {
		return this.runsPerBatch;
	}

	Landmarks landmarks() {
		return new Landmarks(this.agents.get(0), this.batches.get(0), this.batches.get(this.showcaseBatch),
				run(this.landmarkRuns[OLDER]), run(this.landmarkRuns[MARKUP]), run(this.landmarkRuns[UNICODE]),
				run(this.landmarkRuns[LONG]), Arrays.stream(this.sizedRuns).mapToObj(this::run).toList());
	}

	Run run(int index) {
		Facts facts = facts(index);
		TestCase testCase = this.testCases.get(facts.testCase());
		String remarks = null;
		if (facts.successful() != null) {
			Map<String, String> values = this.testCaseValues.get(facts.testCase());
			Scenario scenario = scenario(facts.testCase());
			if (index == this.landmarkRuns[LONG]) {
				long messages = messages(facts).stream().filter(Message::isMessage).count();
				remarks = DemoScripts.fill(this.common.showcase().longTranscriptRemark(),
						Map.of("messages", String.valueOf(messages)));
			}
			else if (facts.successful()) {
				remarks = withNote(DemoScripts.fill(scenario.pass().remark(), values),
						pick(this.common.passNotes(), facts.note()));
			}
			else {
				remarks = withNote(DemoScripts.fill(pick(scenario.failures(), facts.ending()).remark(), values),
						pick(this.common.failNotes(), facts.note()));
			}
		}
		return new Run(this.ids.id(Kind.JOB, index), chatId(facts), this.batches.get(facts.batch()), testCase,
				facts.attempt(), Instant.ofEpochMilli(facts.created()),
				facts.finished() ? Instant.ofEpochMilli(facts.completed()) : null, facts.successful(), remarks,
				facts.olderDialect());
	}

	/** The messages of a run's chat, tool calls included. */
	List<Message> messages(int index) {
		return messages(facts(index));
	}

	Chat chat(int index) {
		Facts facts = facts(index);
		return new Chat(chatId(facts), facts.finished() ? "ended" : "in-progress",
				Instant.ofEpochMilli(facts.created()), messages(facts));
	}

	private static long totalRuns(DemoProperties properties) {
		try {
			return properties.totalRuns();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

	private List<Agent> createAgents() {
		List<Agent> agents = new ArrayList<>();
		List<String> statuses = this.common.statuses();
		for (int i = 0; i < this.properties.agents(); i++) {
			Domain domain = domain(i);
			int round = i / this.domains.size();
			List<String> names = domain.agentNames();
			String name = names.get(round % names.size())
					+ ((round >= names.size()) ? " " + (round / names.size() + 1) : "");
			AgentSettings settings = new AgentSettings(domain.llmModel(), TEMPERATURES[i % TEMPERATURES.length],
					domain.language(), domain.voice(), domain.welcome(), MAX_CALL_DURATION_SECONDS);
			agents.add(new Agent(this.ids.id(Kind.AGENT, i), name, statuses.get(i % statuses.size()),
					domain.instructions(), settings, domain.tools()));
		}
		return Collections.unmodifiableList(agents);
	}

	private void createTestCase(int index, List<TestCase> testCases, List<Map<String, String>> allValues) {
		int perAgent = this.properties.testCasesPerBatch();
		Agent agent = this.agents.get(index / perAgent);
		Domain domain = domain(index / perAgent);
		int local = index % perAgent;
		Scenario scenario = domain.scenarios().get(local % domain.scenarios().size());
		int round = local / domain.scenarios().size();
		String label = scenario.label();
		String prompt = scenario.userPrompt();
		if (round > 0) {
			// Beyond the scenarios, the same scenarios played by other personas.
			List<Persona> personas = this.common.personas();
			Persona persona = personas.get((round - 1) % personas.size());
			int cycle = (round - 1) / personas.size();
			label += " (" + persona.label() + ((cycle > 0) ? " #" + (cycle + 1) : "") + ")";
			prompt += " " + persona.prompt();
		}
		SplittableRandom random = random(TEST_CASE_SALT, index);
		List<Customer> customers = this.common.customers();
		Customer customer = customers.get(random.nextInt(customers.size()));
		Map<String, String> values = new LinkedHashMap<>();
		for (Variable variable : domain.variables()) {
			String value = switch (variable.name()) {
				case "customer_name" -> customer.name();
				case "account_email" -> customer.email();
				default -> variable.values().get(random.nextInt(variable.values().size()));
			};
			values.put(variable.name(), value);
		}
		List<MockVariable> mockData = values.entrySet()
			.stream()
			.map((entry) -> new MockVariable(entry.getKey(), entry.getValue()))
			.toList();
		List<String> llmModels = this.common.llmModels();
		String llmModel = llmModels.get(random.nextInt(llmModels.size()));
		// Some test cases are much harder than others; the agent in testing fails more.
		this.failureRates[index] = 0.03 + random.nextDouble() * 0.38 + ("Testing".equals(agent.status()) ? 0.08 : 0);
		testCases.add(new TestCase(this.ids.id(Kind.TEST_CASE, index), agent, label, prompt, scenario.successCriteria(),
				llmModel, mockData, this.properties.attemptsPerTestCase()));
		allValues.add(Collections.unmodifiableMap(values));
	}

	// The showcase runs are the newest finished runs of the first agent's newest
	// finished batch, so they are on the first page of its runs.
	private int[] landmarkRuns() {
		int finished = finishedRuns(this.showcaseBatch);
		int[] runs = new int[4];
		for (int i = 0; i < runs.length; i++) {
			int ordinal = (finished > 0) ? Math.floorMod(finished - 1 - i, finished) : 0;
			runs[i] = this.showcaseBatch * this.runsPerBatch + ordinal;
		}
		return runs;
	}

	// The sized runs come next, in the order asked, so that a few of them are on the
	// first page too; unlike the other showcase runs, they have to be distinct runs.
	private int[] sizedRuns() {
		List<Integer> lengths = this.properties.sizedTranscripts();
		int finished = finishedRuns(this.showcaseBatch);
		int landmarks = this.landmarkRuns.length;
		if (!lengths.isEmpty() && finished < landmarks + lengths.size()) {
			throw new IllegalArgumentException("simboard.demo.sized-transcripts asks for " + lengths.size()
					+ " runs, but the first agent's newest finished batch has only " + finished + " finished runs, "
					+ landmarks + " of which are the other showcase runs: ask for at most "
					+ Math.max(0, finished - landmarks) + ", or raise simboard.demo.test-cases-per-batch or "
					+ "simboard.demo.attempts-per-test-case to at least " + (landmarks + lengths.size())
					+ " runs per batch");
		}
		int[] runs = new int[lengths.size()];
		for (int i = 0; i < runs.length; i++) {
			runs[i] = this.showcaseBatch * this.runsPerBatch + finished - 1 - landmarks - i;
		}
		return runs;
	}

	private int finishedRuns(int batch) {
		return (batch == 0) ? this.runningFinished : this.runsPerBatch;
	}

	/** The transcript length asked for this run, or 0 for an ordinary run. */
	private int sizedLength(int index) {
		for (int i = 0; i < this.sizedRuns.length; i++) {
			if (this.sizedRuns[i] == index) {
				return this.properties.sizedTranscripts().get(i);
			}
		}
		return 0;
	}

	private long[] batchCreated() {
		int perAgent = this.properties.batchesPerAgent();
		long[] created = new long[this.properties.agents() * perAgent];
		long nowMillis = this.now.toEpochMilli();
		long runsMillis = this.runsPerBatch * RUN_STEP_MILLIS;
		long batchMillis = runsMillis + MAX_RUN_MILLIS + 60_000;
		// Spread the batches over the recent weeks, but never so close that a batch
		// could still be running.
		long spacing = Math.max(HISTORY_MILLIS / perAgent, batchMillis + Duration.ofHours(1).toMillis());
		for (int i = 0; i < created.length; i++) {
			int agent = i / perAgent;
			int newness = i % perAgent;
			SplittableRandom random = random(BATCH_SALT, i);
			long age;
			if (i == 0) {
				age = runsMillis + Duration.ofMinutes(3).toMillis();
			}
			else if (newness == 0) {
				age = batchMillis + Duration.ofMinutes(30).toMillis() + agent * AGENT_OFFSET_MILLIS
						+ random.nextLong(Duration.ofMinutes(20).toMillis());
			}
			else {
				age = newness * spacing + agent * AGENT_OFFSET_MILLIS + random.nextLong(spacing / 4);
			}
			created[i] = nowMillis - age;
		}
		return created;
	}

	private List<Batch> createBatches() {
		List<Batch> batches = new ArrayList<>(this.batchCreated.length);
		for (int i = 0; i < this.batchCreated.length; i++) {
			int successful = 0;
			int failed = 0;
			for (int ordinal = 0; ordinal < this.runsPerBatch; ordinal++) {
				Boolean verdict = facts(i * this.runsPerBatch + ordinal).successful();
				if (verdict != null) {
					successful += verdict ? 1 : 0;
					failed += verdict ? 0 : 1;
				}
			}
			batches.add(new Batch(this.ids.id(Kind.BATCH, i), this.agents.get(i / this.properties.batchesPerAgent()),
					Instant.ofEpochMilli(this.batchCreated[i]), successful, failed, this.runsPerBatch));
		}
		return Collections.unmodifiableList(batches);
	}

	// Everything about a run but its texts, from its own random stream, so that each
	// run is the same whichever order runs are asked for in.
	private Facts facts(int index) {
		int batch = index / this.runsPerBatch;
		int ordinal = index % this.runsPerBatch;
		int agent = batch / this.properties.batchesPerAgent();
		int attempts = this.properties.attemptsPerTestCase();
		int testCase = agent * this.properties.testCasesPerBatch() + ordinal / attempts;
		SplittableRandom random = random(RUN_SALT, index);
		long created = this.batchCreated[batch] + ordinal * RUN_STEP_MILLIS + 500
				+ random.nextLong(RUN_STEP_MILLIS * 4 / 5);
		long duration = MIN_RUN_MILLIS + random.nextLong(MAX_RUN_MILLIS - MIN_RUN_MILLIS);
		double verdictDraw = random.nextDouble();
		boolean olderDraw = random.nextInt(6) == 0;
		boolean hyphenDraw = random.nextInt(5) < 2;
		boolean toolCallDraw = random.nextInt(4) == 0;
		int ending = random.nextInt(1 << 16);
		int note = random.nextInt(1 << 16);
		boolean olderLandmark = index == this.landmarkRuns[OLDER];
		boolean sized = sizedLength(index) > 0;
		// The other showcase runs keep their texts in the test run itself.
		boolean newerLandmark = !olderLandmark && (index == this.landmarkRuns[MARKUP]
				|| index == this.landmarkRuns[UNICODE] || index == this.landmarkRuns[LONG] || sized);
		boolean older = olderLandmark || (olderDraw && !newerLandmark);
		boolean finished = batch != 0 || ordinal < this.runningFinished;
		long completed = -1;
		Boolean successful = null;
		if (finished) {
			completed = Math.min(created + duration, this.now.toEpochMilli() - 2_000);
			successful = index != this.landmarkRuns[LONG] && verdictDraw >= failureRate(testCase, batch);
		}
		return new Facts(index, batch, testCase, ordinal % attempts + 1, created, completed, successful, older,
				older && (hyphenDraw || olderLandmark), (toolCallDraw && !sized) || olderLandmark, ending, note);
	}

	// Agents get a little better over time: older batches fail a little more.
	private double failureRate(int testCase, int batch) {
		int perAgent = this.properties.batchesPerAgent();
		double age = (perAgent > 1) ? (double) (batch % perAgent) / (perAgent - 1) : 0;
		return this.failureRates[testCase] + 0.08 * age - 0.04;
	}

	private List<Message> messages(Facts facts) {
		Domain domain = domain(facts.batch() / this.properties.batchesPerAgent());
		Scenario scenario = scenario(facts.testCase());
		Map<String, String> values = this.testCaseValues.get(facts.testCase());
		SplittableRandom random = random(CONVERSATION_SALT, facts.index());
		boolean longTranscript = facts.index() == this.landmarkRuns[LONG];
		List<Exchange> specials = new ArrayList<>();
		if (facts.index() == this.landmarkRuns[MARKUP]) {
			specials.add(this.markup);
		}
		if (facts.index() == this.landmarkRuns[UNICODE]) {
			specials.addAll(this.unicode);
		}
		if (longTranscript) {
			specials.add(this.common.showcase().terms());
		}
		int sizedLength = sizedLength(facts.index());
		int length;
		if (longTranscript) {
			length = this.properties.longTranscriptTurns();
		}
		else if (sizedLength > 0) {
			length = sizedLength;
		}
		else {
			length = 4 + random.nextInt(13) + random.nextInt(15);
		}
		if (!specials.isEmpty() && !longTranscript) {
			length = Math.max(length, 8);
		}
		boolean greeting = length % 2 == 1;
		int fillers = Math.max((length - (greeting ? 1 : 0)) / 2 - 2, specials.size()) - specials.size();
		List<String[]> turns = new ArrayList<>();
		if (greeting) {
			turns.add(new String[] { "assistant", domain.welcome() });
		}
		List<Exchange> exchanges = new ArrayList<>();
		exchanges.add(scenario.opening());
		exchanges.addAll(specials);
		List<Exchange> pool = new ArrayList<>(domain.fillers());
		pool.addAll(this.common.genericFillers());
		int[] order = shuffled(pool.size(), random);
		for (int i = 0; i < fillers; i++) {
			if (i > 0 && i % order.length == 0) {
				order = shuffled(pool.size(), random);
			}
			exchanges.add(pool.get(order[i % order.length]));
		}
		Ending ending = Boolean.FALSE.equals(facts.successful()) ? pick(scenario.failures(), facts.ending())
				: scenario.pass();
		exchanges.add(ending.exchange());
		for (Exchange exchange : exchanges) {
			turns.add(new String[] { "user", exchange.user() });
			turns.add(new String[] { "assistant", exchange.assistant() });
		}
		if (!facts.finished()) {
			// A running run has only got part of the way.
			turns = turns.subList(0, Math.max(1, turns.size() / 2));
		}
		if (sizedLength > 0 && turns.size() > sizedLength) {
			// Too short for an opening and an ending: just the first messages.
			turns = turns.subList(0, sizedLength);
		}
		List<Message> messages = new ArrayList<>(turns.size() + 1);
		for (String[] turn : turns) {
			String text = DemoScripts.fill(turn[1], values);
			messages
				.add(new Message(messageId(facts, messages.size()), turn[0], "message", List.of(text.split("\n\n"))));
			if (facts.toolCall() && "user".equals(turn[0]) && messages.size() <= 2) {
				messages.add(new Message(messageId(facts, messages.size()), "assistant", "tool_call",
						List.of(DemoScripts.fill(domain.toolCall(), values))));
			}
		}
		return Collections.unmodifiableList(messages);
	}

	private String messageId(Facts facts, int position) {
		return this.ids.id(Kind.CHAT_ITEM, ((long) facts.index() << 20) | position);
	}

	private String chatId(Facts facts) {
		return facts.hyphenChat() ? DemoIds.OLDER_CHAT_PREFIX + this.ids.encode(Kind.CHAT, facts.index())
				: this.ids.id(Kind.CHAT, facts.index());
	}

	private Scenario scenario(int testCase) {
		Domain domain = domain(testCase / this.properties.testCasesPerBatch());
		return domain.scenarios().get((testCase % this.properties.testCasesPerBatch()) % domain.scenarios().size());
	}

	private Domain domain(int agent) {
		return this.domains.get(agent % this.domains.size());
	}

	private SplittableRandom random(long salt, long index) {
		return new SplittableRandom(DemoIds.mix(this.properties.seed() * 0x9E3779B97F4A7C15L
				+ salt * 0xC2B2AE3D27D4EB4FL + DemoIds.mix(index + 0x632BE59BD9B4E019L)));
	}

	private static int[] shuffled(int size, SplittableRandom random) {
		int[] order = new int[size];
		Arrays.setAll(order, (i) -> i);
		for (int i = size - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
		return order;
	}

	private static <T> T pick(List<T> list, int draw) {
		return list.get(draw % list.size());
	}

	// Notes are written without the space that joins them to the remark.
	private static String withNote(String remark, String note) {
		return note.isEmpty() ? remark : remark + " " + note;
	}

	private record Facts(int index, int batch, int testCase, int attempt, long created, long completed,
			Boolean successful, boolean olderDialect, boolean hyphenChat, boolean toolCall, int ending, int note) {

		boolean finished() {
			return this.completed >= 0;
		}

	}

}
