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
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import dev.simboard.demo.DemoIds.Kind;
import dev.simboard.demo.DemoScripts.Customer;
import dev.simboard.demo.DemoScripts.Domain;
import dev.simboard.demo.DemoScripts.Ending;
import dev.simboard.demo.DemoScripts.Exchange;
import dev.simboard.demo.DemoScripts.Persona;
import dev.simboard.demo.DemoScripts.Scenario;
import dev.simboard.demo.DemoScripts.Variable;

/**
 * The demo data set: agents, test cases, batch runs over recent weeks and their test
 * runs, generated from a fixed seed so the same seed always gives the same IDs, labels,
 * verdicts and texts. Timestamps are relative to the "now" captured at construction.
 * <p>
 * Only agents, test cases and batches are held in memory. A run, its conversation and its
 * chat are derived on demand from (seed, run index), and IDs encode their index, so tens
 * of thousands of runs cost no memory and no start-up time to speak of.
 * <p>
 * The first agent carries the awkward cases, described by {@link #landmarks()}: its
 * newest batch is the one batch still running, and its newest finished batch holds an
 * older-dialect run, a run with markup-like text, one with unicode text and one with a
 * very long transcript, all among that batch's newest runs, followed by a run for each
 * length asked for in {@code sizedTranscripts}.
 */
public final class DemoData {

	/** Markup-like text in one user message, to prove that pages escape it. */
	public static final String SCRIPT_TEXT = "<script>alert(1)</script>";

	/** More markup-like text in the same user message. */
	public static final String BOLD_TEXT = "<b>bold?</b> & \"quotes\"";

	/** Accented text in the unicode run. */
	public static final String ACCENTED_TEXT = "Zoë Ångström";

	/** An emoji in the unicode run. */
	public static final String EMOJI_TEXT = "🙂";

	/** Chinese text in the unicode run. */
	public static final String CJK_TEXT = "付款成功";

	/** Arabic (right-to-left) text in the unicode run. */
	public static final String ARABIC_TEXT = "مرحبا، أريد استرداد المبلغ من فضلك";

	/** Beyond this even counting the verdicts at start-up takes too long. */
	private static final long MAX_RUNS = 10_000_000L;

	/** Time between the starts of consecutive runs of a batch. */
	private static final long RUN_STEP_MILLIS = 5_000;

	private static final long MIN_RUN_MILLIS = 35_000;

	private static final long MAX_RUN_MILLIS = 240_000;

	private static final long HISTORY_MILLIS = Duration.ofDays(35).toMillis();

	private static final long AGENT_OFFSET_MILLIS = Duration.ofMinutes(47).toMillis();

	private static final double[] TEMPERATURES = { 0.2, 0.3, 0.5 };

	private static final long TEST_CASE_SALT = 1;

	private static final long BATCH_SALT = 2;

	private static final long RUN_SALT = 3;

	private static final long CONVERSATION_SALT = 4;

	// Indexes into landmarkRuns.
	private static final int OLDER = 0;

	private static final int MARKUP = 1;

	private static final int UNICODE = 2;

	private static final int LONG = 3;

	private final DemoProperties properties;

	private final Instant now;

	private final DemoIds ids;

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

	private final int[] landmarkRuns;

	/** The runs whose transcripts have the lengths asked for, in the order asked. */
	private final int[] sizedRuns;

	private final Landmarks landmarks;

	/** Generates the data set with timestamps relative to the current time. */
	public DemoData(DemoProperties properties) {
		this(properties, Instant.now());
	}

	/** Generates the data set with timestamps relative to {@code now}. */
	public DemoData(DemoProperties properties, Instant now) {
		if (totalRuns(properties) > MAX_RUNS) {
			throw new IllegalArgumentException(
					"simboard.demo asks for more than " + MAX_RUNS + " test runs: " + properties.agents() + " agents x "
							+ properties.batchesPerAgent() + " batches x " + properties.testCasesPerBatch()
							+ " test cases x " + properties.attemptsPerTestCase() + " attempts");
		}
		this.properties = properties;
		this.now = now.truncatedTo(ChronoUnit.MILLIS);
		this.ids = new DemoIds(properties.seed());
		this.workspaceId = this.ids.id(Kind.ORG, 0);
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
		int showcaseBatch = (properties.batchesPerAgent() >= 2) ? 1 : 0;
		this.landmarkRuns = landmarkRuns(showcaseBatch);
		this.sizedRuns = sizedRuns(showcaseBatch);
		this.batchCreated = batchCreated();
		this.batches = createBatches();
		this.landmarks = new Landmarks(this.agents.get(0), this.batches.get(0), this.batches.get(showcaseBatch),
				run(this.landmarkRuns[OLDER]), run(this.landmarkRuns[MARKUP]), run(this.landmarkRuns[UNICODE]),
				run(this.landmarkRuns[LONG]), Arrays.stream(this.sizedRuns).mapToObj(this::run).toList());
	}

	/** The properties the data set was generated from. */
	public DemoProperties properties() {
		return this.properties;
	}

	/** The instant the timestamps are relative to, truncated to milliseconds. */
	public Instant now() {
		return this.now;
	}

	/** The one workspace ({@code org_…}) everything belongs to. */
	public String workspaceId() {
		return this.workspaceId;
	}

	/** All agents, first agent first. */
	public List<Agent> agents() {
		return this.agents;
	}

	public Optional<Agent> agent(String agentId) {
		int index = agentIndex(agentId);
		return (index < 0) ? Optional.empty() : Optional.of(this.agents.get(index));
	}

	/** The test cases of an agent, all of which each of its batch runs plays. */
	public List<TestCase> testCases(Agent agent) {
		int index = requireAgentIndex(agent);
		int perAgent = this.properties.testCasesPerBatch();
		return this.testCases.subList(index * perAgent, (index + 1) * perAgent);
	}

	public Optional<TestCase> testCase(String testCaseId) {
		long index = this.ids.index(Kind.TEST_CASE, testCaseId, this.testCases.size());
		return (index < 0) ? Optional.empty() : Optional.of(this.testCases.get((int) index));
	}

	/** The batch runs of an agent, newest first. */
	public List<Batch> batches(Agent agent) {
		int index = requireAgentIndex(agent);
		int perAgent = this.properties.batchesPerAgent();
		return this.batches.subList(index * perAgent, (index + 1) * perAgent);
	}

	public Optional<Batch> batch(String batchId) {
		long index = this.ids.index(Kind.BATCH, batchId, this.batches.size());
		return (index < 0) ? Optional.empty() : Optional.of(this.batches.get((int) index));
	}

	/**
	 * A slice of the runs of a batch, newest first.
	 * @param batch the batch
	 * @param offset how many of the newest runs to skip
	 * @param limit the most runs to return
	 * @return the runs, generated now
	 */
	public List<Run> runs(Batch batch, long offset, int limit) {
		long first = (long) batchIndex(batch) * this.runsPerBatch;
		List<Run> runs = new ArrayList<>();
		for (long ordinal = this.runsPerBatch - 1 - offset; ordinal >= 0 && runs.size() < limit; ordinal--) {
			runs.add(run((int) (first + ordinal)));
		}
		return runs;
	}

	public Optional<Run> run(String jobId) {
		long index = this.ids.index(Kind.JOB, jobId, runCount());
		return (index < 0) ? Optional.empty() : Optional.of(run((int) index));
	}

	/**
	 * The conversation of a run as a test run of the newer dialect carries it: the
	 * messages of its chat without tool calls. A running run has a partial conversation.
	 */
	public List<Message> conversation(Run run) {
		return messages(facts(runIndex(run))).stream().filter(Message::isMessage).toList();
	}

	/** The chat session of a run. */
	public Chat chat(Run run) {
		Facts facts = facts(runIndex(run));
		return new Chat(chatId(facts), facts.finished() ? "ended" : "in-progress",
				Instant.ofEpochMilli(facts.created()), messages(facts));
	}

	/**
	 * The chat session with this ID ({@code chat_…}, or {@code chat-…} for some older
	 * runs).
	 */
	public Optional<Chat> chat(String chatId) {
		String prefix = DemoIds.OLDER_CHAT_PREFIX;
		if (chatId == null || chatId.length() != prefix.length() + DemoIds.LENGTH) {
			return Optional.empty();
		}
		long index = this.ids.decode(Kind.CHAT, chatId.substring(prefix.length()));
		if (index < 0 || index >= runCount()) {
			return Optional.empty();
		}
		Facts facts = facts((int) index);
		return chatId.equals(chatId(facts)) ? Optional.of(chat(run((int) index))) : Optional.empty();
	}

	/** Test runs in the whole data set. */
	public long runCount() {
		return this.properties.totalRuns();
	}

	/** Batch runs in the whole data set. */
	public int batchCount() {
		return this.batches.size();
	}

	/** Test cases in the whole data set. */
	public int testCaseCount() {
		return this.testCases.size();
	}

	/** Where the running batch and the awkward cases are. */
	public Landmarks landmarks() {
		return this.landmarks;
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
		for (int i = 0; i < this.properties.agents(); i++) {
			Domain domain = domain(i);
			int round = i / DemoScripts.DOMAINS.size();
			List<String> names = domain.agentNames();
			String name = names.get(round % names.size())
					+ ((round >= names.size()) ? " " + (round / names.size() + 1) : "");
			AgentSettings settings = new AgentSettings(domain.llmModel(), TEMPERATURES[i % TEMPERATURES.length],
					domain.language(), domain.voice(), domain.welcome(), 600);
			agents.add(new Agent(this.ids.id(Kind.AGENT, i), name,
					DemoScripts.STATUSES.get(i % DemoScripts.STATUSES.size()), domain.instructions(), settings,
					domain.tools()));
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
			Persona persona = DemoScripts.PERSONAS.get((round - 1) % DemoScripts.PERSONAS.size());
			int cycle = (round - 1) / DemoScripts.PERSONAS.size();
			label += " (" + persona.label() + ((cycle > 0) ? " #" + (cycle + 1) : "") + ")";
			prompt += " " + persona.prompt();
		}
		SplittableRandom random = random(TEST_CASE_SALT, index);
		Customer customer = DemoScripts.CUSTOMERS.get(random.nextInt(DemoScripts.CUSTOMERS.size()));
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
		String llmModel = DemoScripts.LLM_MODELS.get(random.nextInt(DemoScripts.LLM_MODELS.size()));
		// Some test cases are much harder than others; the agent in testing fails more.
		this.failureRates[index] = 0.03 + random.nextDouble() * 0.38 + ("Testing".equals(agent.status()) ? 0.08 : 0);
		testCases.add(new TestCase(this.ids.id(Kind.TEST_CASE, index), agent, label, prompt, scenario.successCriteria(),
				llmModel, mockData, this.properties.attemptsPerTestCase()));
		allValues.add(Collections.unmodifiableMap(values));
	}

	// The showcase runs are the newest finished runs of the first agent's newest
	// finished batch, so they are on the first page of its runs.
	private int[] landmarkRuns(int showcaseBatch) {
		int finished = finishedRuns(showcaseBatch);
		int[] runs = new int[4];
		for (int i = 0; i < runs.length; i++) {
			int ordinal = (finished > 0) ? Math.floorMod(finished - 1 - i, finished) : 0;
			runs[i] = showcaseBatch * this.runsPerBatch + ordinal;
		}
		return runs;
	}

	// The sized runs come next, in the order asked, so that a few of them are on the
	// first page too; unlike the other showcase runs, they have to be distinct runs.
	private int[] sizedRuns(int showcaseBatch) {
		List<Integer> lengths = this.properties.sizedTranscripts();
		int finished = finishedRuns(showcaseBatch);
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
			runs[i] = showcaseBatch * this.runsPerBatch + finished - 1 - landmarks - i;
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

	private Run run(int index) {
		Facts facts = facts(index);
		TestCase testCase = this.testCases.get(facts.testCase());
		String remarks = null;
		if (facts.successful() != null) {
			Map<String, String> values = this.testCaseValues.get(facts.testCase());
			Scenario scenario = scenario(facts.testCase());
			if (index == this.landmarkRuns[LONG]) {
				remarks = DemoScripts
					.longTranscriptRemark((int) messages(facts).stream().filter(Message::isMessage).count());
			}
			else if (facts.successful()) {
				remarks = DemoScripts.fill(scenario.pass().remark(), values)
						+ pick(DemoScripts.PASS_NOTES, facts.note());
			}
			else {
				remarks = DemoScripts.fill(pick(scenario.failures(), facts.ending()).remark(), values)
						+ pick(DemoScripts.FAIL_NOTES, facts.note());
			}
		}
		return new Run(this.ids.id(Kind.JOB, index), chatId(facts), this.batches.get(facts.batch()), testCase,
				facts.attempt(), Instant.ofEpochMilli(facts.created()),
				facts.finished() ? Instant.ofEpochMilli(facts.completed()) : null, facts.successful(), remarks,
				facts.olderDialect());
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
			specials.add(DemoScripts.MARKUP);
		}
		if (facts.index() == this.landmarkRuns[UNICODE]) {
			specials.addAll(DemoScripts.UNICODE);
		}
		if (longTranscript) {
			specials.add(DemoScripts.TERMS);
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
		pool.addAll(DemoScripts.GENERIC_FILLERS);
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

	private static Domain domain(int agent) {
		return DemoScripts.DOMAINS.get(agent % DemoScripts.DOMAINS.size());
	}

	private int agentIndex(String agentId) {
		return (int) this.ids.index(Kind.AGENT, agentId, this.agents.size());
	}

	private int requireAgentIndex(Agent agent) {
		int index = agentIndex(agent.agentId());
		if (index < 0) {
			throw new IllegalArgumentException("Not an agent of this data set: " + agent.agentId());
		}
		return index;
	}

	private int batchIndex(Batch batch) {
		long index = this.ids.index(Kind.BATCH, batch.batchId(), this.batches.size());
		if (index < 0) {
			throw new IllegalArgumentException("Not a batch of this data set: " + batch.batchId());
		}
		return (int) index;
	}

	private int runIndex(Run run) {
		long index = this.ids.index(Kind.JOB, run.jobId(), runCount());
		if (index < 0) {
			throw new IllegalArgumentException("Not a run of this data set: " + run.jobId());
		}
		return (int) index;
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

	private record Facts(int index, int batch, int testCase, int attempt, long created, long completed,
			Boolean successful, boolean olderDialect, boolean hyphenChat, boolean toolCall, int ending, int note) {

		boolean finished() {
			return this.completed >= 0;
		}

	}

	/**
	 * An agent.
	 *
	 * @param agentId its ID ({@code agent_…})
	 * @param name its name
	 * @param status its status: {@code Live}, {@code Testing} or {@code active}
	 * @param instructions its system prompt
	 * @param settings its settings
	 * @param tools the tools it can call
	 */
	public record Agent(String agentId, String name, String status, String instructions, AgentSettings settings,
			List<Tool> tools) {
	}

	/**
	 * An agent's settings, whose shape SigmaMind does not document.
	 *
	 * @param llmModel the model the agent runs on
	 * @param temperature its sampling temperature
	 * @param language its language tag
	 * @param voice its voice
	 * @param welcomeMessage what it says first
	 * @param maxCallDurationSeconds the longest call it takes
	 */
	public record AgentSettings(String llmModel, double temperature, String language, String voice,
			String welcomeMessage, int maxCallDurationSeconds) {
	}

	/**
	 * A tool an agent can call.
	 *
	 * @param name the function name
	 * @param description what it does
	 */
	public record Tool(String name, String description) {
	}

	/**
	 * A test case: one scenario played against an agent by a simulated user.
	 *
	 * @param testCaseId its ID ({@code tc_…})
	 * @param agent the agent it tests
	 * @param label its label
	 * @param userPrompt the instructions of the simulated user
	 * @param successCriteria the expected outcome the judge checks
	 * @param llmModel the model playing the user
	 * @param mockData the variables filled into the scenario
	 * @param attempts how many times each batch run plays it
	 */
	public record TestCase(String testCaseId, Agent agent, String label, String userPrompt, String successCriteria,
			String llmModel, List<MockVariable> mockData, int attempts) {
	}

	/**
	 * A mock-data variable of a test case.
	 *
	 * @param variableName its name
	 * @param value its value
	 */
	public record MockVariable(String variableName, String value) {
	}

	/**
	 * A batch run: every test case of an agent, played {@code attempts} times each.
	 *
	 * @param batchId its ID ({@code batch_…})
	 * @param agent the agent
	 * @param createdDate when it started
	 * @param successfulAttempts finished runs judged successful
	 * @param failedAttempts finished runs judged unsuccessful
	 * @param totalAttempts all its runs
	 */
	public record Batch(String batchId, Agent agent, Instant createdDate, int successfulAttempts, int failedAttempts,
			int totalAttempts) {

		/** Whether some runs have no verdict yet, the only sign SigmaMind gives. */
		public boolean running() {
			return this.successfulAttempts + this.failedAttempts < this.totalAttempts;
		}

	}

	/**
	 * A test run (a job).
	 *
	 * @param jobId its ID ({@code job_…})
	 * @param chatId the ID of its chat session ({@code chat_…} or {@code chat-…})
	 * @param batch its batch run
	 * @param testCase its test case
	 * @param attempt which attempt of the test case it is, from 1
	 * @param createdDate when it started
	 * @param completedDate when it finished, {@code null} while running
	 * @param successful the verdict, {@code null} while running
	 * @param remarks the judge's reasoning, {@code null} while running
	 * @param olderDialect whether it is served as the older docs show: verdict spelled
	 * {@code isSuccesful} and no {@code conversation}, so its transcript is only in its
	 * chat
	 */
	public record Run(String jobId, String chatId, Batch batch, TestCase testCase, int attempt, Instant createdDate,
			Instant completedDate, Boolean successful, String remarks, boolean olderDialect) {

		public Agent agent() {
			return this.batch.agent();
		}

		public boolean finished() {
			return this.completedDate != null;
		}

	}

	/**
	 * A message of a chat, or of a conversation when it is of type {@code message}.
	 *
	 * @param id its ID ({@code chat-item-…})
	 * @param role {@code user} or {@code assistant}
	 * @param type {@code message} or {@code tool_call}
	 * @param content its parts (paragraphs)
	 */
	public record Message(String id, String role, String type, List<String> content) {

		/** The parts as one text, as a test run's conversation carries it. */
		public String text() {
			return String.join("\n\n", this.content);
		}

		public boolean isMessage() {
			return "message".equals(this.type);
		}

	}

	/**
	 * A chat session.
	 *
	 * @param chatId its ID
	 * @param status {@code ended} or {@code in-progress}
	 * @param createdAt when it started
	 * @param messages its messages, tool calls included
	 */
	public record Chat(String chatId, String status, Instant createdAt, List<Message> messages) {

		/** The spoken messages as {@code User: …} and {@code Assistant: …} lines. */
		public String transcript() {
			return this.messages.stream()
				.filter(Message::isMessage)
				.map((message) -> ("user".equals(message.role()) ? "User: " : "Assistant: ")
						+ String.join(" ", message.content()))
				.collect(Collectors.joining("\n"));
		}

	}

	/**
	 * Where to find the running batch and the awkward cases, all of the first agent.
	 *
	 * @param agent the first agent
	 * @param runningBatch its newest batch, the one batch still running
	 * @param showcaseBatch its newest finished batch (the running one when it has only
	 * one)
	 * @param olderDialectRun a run of the showcase batch in the older dialect, whose chat
	 * ID has a hyphen and whose chat has a tool call
	 * @param markupRun a run with {@link #SCRIPT_TEXT} and {@link #BOLD_TEXT} in a user
	 * message
	 * @param unicodeRun a run with accents, emoji, Chinese, Japanese and Arabic text
	 * @param longTranscriptRun a failed run with {@code longTranscriptTurns} messages
	 * @param sizedTranscriptRuns a finished run of the newer dialect for each length in
	 * {@code sizedTranscripts}, in that order, with exactly that many messages and no
	 * tool call; they are the newest runs of the showcase batch after the four above
	 */
	public record Landmarks(Agent agent, Batch runningBatch, Batch showcaseBatch, Run olderDialectRun, Run markupRun,
			Run unicodeRun, Run longTranscriptRun, List<Run> sizedTranscriptRuns) {
	}

}
