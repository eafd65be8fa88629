package dev.simboard.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.simboard.demo.DemoData.Tool;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * The texts the demo data set is made from, read from {@code demo/common.yml} and one
 * file per kind of agent in {@code demo/domains/}: each kind's scenarios (test cases),
 * the small talk that pads a conversation, and the endings and judge remarks of a pass
 * and of typical failures. Placeholders like {@code {customer_name}} are filled from a
 * test case's mock data; a user prompt keeps {@code {{customer_name}}} as SigmaMind
 * prompts do.
 *
 * @param common what every kind of agent shares
 * @param domains the kinds of agent, which agents take in turn
 */
record DemoScripts(Common common, List<Domain> domains) {

	private static final String COMMON_FILE = "demo/common.yml";

	// Strict, so that a misspelt or missing key fails at start rather than as a null in
	// some conversation.
	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
				DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES,
				DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
		.build();

	DemoScripts {
		domains = nonEmpty(domains, "domains");
		// Conversations are padded from the kind's fillers and the generic ones together.
		if (common.genericFillers().isEmpty() && domains.stream().anyMatch((domain) -> domain.fillers().isEmpty())) {
			throw new IllegalArgumentException(
					"Every kind of agent needs 'fillers' of its own when 'genericFillers' is empty");
		}
	}

	/** The scripts in {@code demo/}, read once, when first asked for. */
	static DemoScripts standard() {
		return Standard.SCRIPTS;
	}

	/**
	 * Reads the scripts from the class path: what the kinds of agent share from
	 * {@code commonFile}, and each kind it names from {@code domains/<name>.yml} next to
	 * it.
	 * @throws IllegalStateException naming the file, if one is missing or does not fit
	 */
	static DemoScripts load(String commonFile) {
		Map<String, Object> tree = read(commonFile);
		// Bound apart, so that an error names the file it is in.
		Object names = tree.remove("domains");
		if (!(names instanceof List<?> list) || list.isEmpty()) {
			throw new IllegalStateException(commonFile + ": 'domains' must list the kinds of agent");
		}
		Common common = bind(tree, Common.class, commonFile);
		List<Domain> domains = new ArrayList<>();
		for (Object name : list) {
			String file = commonFile.substring(0, commonFile.lastIndexOf('/') + 1) + "domains/" + name + ".yml";
			domains.add(bind(read(file), Domain.class, file));
		}
		return new DemoScripts(common, domains);
	}

	/** Replaces each {@code {name}} with its value. */
	static String fill(String template, Map<String, String> values) {
		if (template.indexOf('{') < 0) {
			return template;
		}
		String text = template;
		for (Map.Entry<String, String> entry : values.entrySet()) {
			text = text.replace("{" + entry.getKey() + "}", entry.getValue());
		}
		return text;
	}

	private static Map<String, Object> read(String file) {
		Object tree;
		try (InputStream input = new ClassPathResource(file).getInputStream()) {
			tree = yaml().load(input);
		}
		catch (IOException | YAMLException ex) {
			throw new IllegalStateException("Cannot read " + file + ": " + ex.getMessage(), ex);
		}
		if (!(tree instanceof Map<?, ?>)) {
			throw new IllegalStateException(file + " must hold a mapping of names to values");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> map = (Map<String, Object>) tree;
		return map;
	}

	private static <T> T bind(Map<String, Object> tree, Class<T> type, String file) {
		try {
			return MAPPER.convertValue(tree, type);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException(
					"Cannot read " + file + ": " + ex.getOriginalMessage() + " at " + ex.getPathReference(), ex);
		}
	}

	private static Yaml yaml() {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		// Yaml takes a representer and its options even to load; they are never used.
		DumperOptions dumperOptions = new DumperOptions();
		return new Yaml(new SafeConstructor(options), new Representer(dumperOptions), dumperOptions, options,
				new TextResolver());
	}

	private static <T> List<T> nonEmpty(List<T> list, String name) {
		if (list.isEmpty()) {
			throw new IllegalArgumentException("'" + name + "' must not be empty");
		}
		return List.copyOf(list);
	}

	/**
	 * What the kinds of agent share.
	 *
	 * @param statuses agent statuses, one agent after another
	 * @param llmModels the models that play the simulated user, one drawn per test case
	 * @param customers the customers test cases are about, one drawn per test case
	 * @param personas how test cases beyond an agent's scenarios replay them, in order
	 * @param passNotes notes after a pass's remark, one drawn per run; empty for none
	 * @param failNotes notes after a failure's remark, one drawn per run; empty for none
	 * @param genericFillers small talk that pads any agent's conversations
	 * @param showcase the texts of the first agent's showcase runs
	 */
	record Common(List<String> statuses, List<String> llmModels, List<Customer> customers, List<Persona> personas,
			List<String> passNotes, List<String> failNotes, List<Exchange> genericFillers, Showcase showcase) {

		Common {
			statuses = nonEmpty(statuses, "statuses");
			llmModels = nonEmpty(llmModels, "llmModels");
			customers = nonEmpty(customers, "customers");
			personas = nonEmpty(personas, "personas");
			passNotes = nonEmpty(passNotes, "passNotes");
			failNotes = nonEmpty(failNotes, "failNotes");
			genericFillers = List.copyOf(genericFillers);
		}

	}

	/**
	 * The texts of the first agent's showcase runs. Placeholders such as
	 * {@code {script_text}} stand for {@link DemoData}'s constants.
	 *
	 * @param markup an exchange with markup-like text in the user's message
	 * @param unicode exchanges with accents, emoji, Chinese, Japanese and Arabic text
	 * @param terms an exchange with one very long answer, in the long transcript
	 * @param longTranscriptRemark the judge's remark on the long transcript, whose
	 * {@code {messages}} is its length
	 */
	record Showcase(Exchange markup, List<Exchange> unicode, Exchange terms, String longTranscriptRemark) {

		Showcase {
			unicode = List.copyOf(unicode);
		}

	}

	/**
	 * A kind of agent, such as billing support.
	 *
	 * @param agentNames the names agents of this kind take in turn
	 * @param instructions their system prompt
	 * @param welcome what they say first
	 * @param llmModel the model they run on
	 * @param voice their voice
	 * @param language their language tag
	 * @param tools the tools they can call
	 * @param toolCall the tool call some chats have
	 * @param variables the mock data of each test case, in order
	 * @param fillers small talk of this kind of agent
	 * @param scenarios one per test case, in order
	 */
	record Domain(List<String> agentNames, String instructions, String welcome, String llmModel, String voice,
			String language, List<Tool> tools, String toolCall, List<Variable> variables, List<Exchange> fillers,
			List<Scenario> scenarios) {

		Domain {
			agentNames = nonEmpty(agentNames, "agentNames");
			tools = List.copyOf(tools);
			variables = List.copyOf(variables);
			fillers = List.copyOf(fillers);
			scenarios = nonEmpty(scenarios, "scenarios");
		}

	}

	/**
	 * What a test case asks for, and how its runs open and end.
	 *
	 * @param label the test case's label
	 * @param userPrompt the instructions of the simulated user
	 * @param successCriteria the expected outcome
	 * @param opening the first exchange
	 * @param pass the last exchange of a successful run, and its remark
	 * @param failures those of unsuccessful runs, one drawn per run
	 */
	record Scenario(String label, String userPrompt, String successCriteria, Exchange opening, Ending pass,
			List<Ending> failures) {

		Scenario {
			failures = nonEmpty(failures, "failures");
		}

	}

	/**
	 * A user message and the agent's answer.
	 *
	 * @param user what the user says
	 * @param assistant what the agent answers
	 */
	record Exchange(String user, String assistant) {

		Exchange filled(Map<String, String> values) {
			return new Exchange(fill(this.user, values), fill(this.assistant, values));
		}

	}

	/**
	 * The last exchange of a run, and the judge's remark on it.
	 *
	 * @param user what the user says
	 * @param assistant what the agent answers
	 * @param remark the judge's remark
	 */
	record Ending(String user, String assistant, String remark) {

		Exchange exchange() {
			return new Exchange(this.user, this.assistant);
		}

	}

	/**
	 * A mock-data variable and the values a test case draws from; the customer's
	 * variables have none, since they come from the test case's customer.
	 *
	 * @param name its name
	 * @param values the values to draw from
	 */
	record Variable(String name, List<String> values) {

		Variable {
			values = List.copyOf(values);
		}

	}

	/**
	 * A customer a test case is about.
	 *
	 * @param name the customer's name
	 * @param email the customer's email address
	 */
	record Customer(String name, String email) {
	}

	/**
	 * A persona the simulated user plays.
	 *
	 * @param label what the test case's label adds
	 * @param prompt what the user prompt adds
	 */
	record Persona(String label, String prompt) {
	}

	/**
	 * Reads every scalar as text, so that a value such as {@code no}, {@code 12} or
	 * {@code 2026-03-01} reaches the texts as written, not as a boolean, number or date.
	 */
	private static final class TextResolver extends Resolver {

		@Override
		protected void addImplicitResolvers() {
		}

	}

	// Read on first use and then kept: the data set is regenerated in tests, its texts
	// need not be.
	private static final class Standard {

		static final DemoScripts SCRIPTS = load(COMMON_FILE);

	}

}
