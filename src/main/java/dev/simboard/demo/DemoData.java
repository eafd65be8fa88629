package dev.simboard.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.simboard.demo.DemoIds.Kind;

/**
 * The demo data set: agents, test cases, batch runs over recent weeks and their test
 * runs, generated from a fixed seed so the same seed always gives the same IDs, labels,
 * verdicts and texts. Timestamps are relative to the "now" captured at construction.
 * <p>
 * This is the data set as the demo API looks it up, by ID. {@link DemoGenerator} makes
 * it, from the texts in {@code src/main/resources/demo/} ({@link DemoScripts}); IDs are
 * {@link DemoIds} of an index, so a run, its conversation and its chat are made only when
 * asked for, and tens of thousands of runs cost no memory and no start-up time to speak
 * of.
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

	private final DemoIds ids;

	private final DemoGenerator generator;

	private final Landmarks landmarks;

	/** Generates the data set with timestamps relative to the current time. */
	public DemoData(DemoProperties properties) {
		this(properties, Instant.now());
	}

	/** Generates the data set with timestamps relative to {@code now}. */
	public DemoData(DemoProperties properties, Instant now) {
		this.ids = new DemoIds(properties.seed());
		this.generator = new DemoGenerator(properties, now, this.ids, DemoScripts.standard());
		this.landmarks = this.generator.landmarks();
	}

	/** The properties the data set was generated from. */
	public DemoProperties properties() {
		return this.generator.properties();
	}

	/** The instant the timestamps are relative to, truncated to milliseconds. */
	public Instant now() {
		return this.generator.now();
	}

	/** The one workspace ({@code org_…}) everything belongs to. */
	public String workspaceId() {
		return this.generator.workspaceId();
	}

	/** All agents, first agent first. */
	public List<Agent> agents() {
		return this.generator.agents();
	}

	public Optional<Agent> agent(String agentId) {
		int index = agentIndex(agentId);
		return (index < 0) ? Optional.empty() : Optional.of(agents().get(index));
	}

	/** The test cases of an agent, all of which each of its batch runs plays. */
	public List<TestCase> testCases(Agent agent) {
		int index = requireAgentIndex(agent);
		int perAgent = properties().testCasesPerBatch();
		return this.generator.testCases().subList(index * perAgent, (index + 1) * perAgent);
	}

	public Optional<TestCase> testCase(String testCaseId) {
		List<TestCase> testCases = this.generator.testCases();
		long index = this.ids.index(Kind.TEST_CASE, testCaseId, testCases.size());
		return (index < 0) ? Optional.empty() : Optional.of(testCases.get((int) index));
	}

	/** The batch runs of an agent, newest first. */
	public List<Batch> batches(Agent agent) {
		int index = requireAgentIndex(agent);
		int perAgent = properties().batchesPerAgent();
		return this.generator.batches().subList(index * perAgent, (index + 1) * perAgent);
	}

	public Optional<Batch> batch(String batchId) {
		long index = this.ids.index(Kind.BATCH, batchId, batchCount());
		return (index < 0) ? Optional.empty() : Optional.of(this.generator.batches().get((int) index));
	}

	/**
	 * A slice of the runs of a batch, newest first.
	 * @param batch the batch
	 * @param offset how many of the newest runs to skip
	 * @param limit the most runs to return
	 * @return the runs, generated now
	 */
	public List<Run> runs(Batch batch, long offset, int limit) {
		int runsPerBatch = this.generator.runsPerBatch();
		long first = (long) batchIndex(batch) * runsPerBatch;
		List<Run> runs = new ArrayList<>();
		for (long ordinal = runsPerBatch - 1 - offset; ordinal >= 0 && runs.size() < limit; ordinal--) {
			runs.add(this.generator.run((int) (first + ordinal)));
		}
		return runs;
	}

	public Optional<Run> run(String jobId) {
		long index = this.ids.index(Kind.JOB, jobId, runCount());
		return (index < 0) ? Optional.empty() : Optional.of(this.generator.run((int) index));
	}

	/**
	 * The conversation of a run as a test run of the newer dialect carries it: the
	 * messages of its chat without tool calls. A running run has a partial conversation.
	 */
	public List<Message> conversation(Run run) {
		return this.generator.messages(runIndex(run)).stream().filter(Message::isMessage).toList();
	}

	/** The chat session of a run. */
	public Chat chat(Run run) {
		return this.generator.chat(runIndex(run));
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
		// Which of the two prefixes a run's chat has is part of the run.
		Chat chat = this.generator.chat((int) index);
		return chatId.equals(chat.chatId()) ? Optional.of(chat) : Optional.empty();
	}

	/** Test runs in the whole data set. */
	public long runCount() {
		return properties().totalRuns();
	}

	/** Batch runs in the whole data set. */
	public int batchCount() {
		return this.generator.batches().size();
	}

	/** Test cases in the whole data set. */
	public int testCaseCount() {
		return this.generator.testCases().size();
	}

	/** Where the running batch and the awkward cases are. */
	public Landmarks landmarks() {
		return this.landmarks;
	}

	private int agentIndex(String agentId) {
		return (int) this.ids.index(Kind.AGENT, agentId, agents().size());
	}

	private int requireAgentIndex(Agent agent) {
		int index = agentIndex(agent.agentId());
		if (index < 0) {
			throw new IllegalArgumentException("Not an agent of this data set: " + agent.agentId());
		}
		return index;
	}

	private int batchIndex(Batch batch) {
		long index = this.ids.index(Kind.BATCH, batch.batchId(), batchCount());
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
