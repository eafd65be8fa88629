package dev.simboard.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.simboard.demo.DemoData.Agent;
import dev.simboard.demo.DemoData.AgentSettings;
import dev.simboard.demo.DemoData.Batch;
import dev.simboard.demo.DemoData.Chat;
import dev.simboard.demo.DemoData.Message;
import dev.simboard.demo.DemoData.Run;
import dev.simboard.demo.DemoData.TestCase;
import dev.simboard.sigmamind.DemoModeCondition;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The demo SigmaMind API: the documented read endpoints and the undocumented list of a
 * batch's runs, speaking the documented shapes and quirks (both verdict spellings, both
 * total spellings, chat content as arrays) so that Simboard's real client is exercised.
 * Security lets {@code /demo-api/**} through, so this checks the key itself.
 */
@RestController
@RequestMapping(DemoTarget.PATH)
@Conditional(DemoModeCondition.class)
class DemoApiController {

	static final String API_KEY_HEADER = "X-API-Key";

	static final int MAX_BATCH_PAGE_SIZE = 100;

	static final int MAX_RUN_PAGE_SIZE = 200;

	// Instant.toString() drops ".000"; SigmaMind always sends milliseconds.
	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final DemoData data;

	private final DemoTarget target;

	DemoApiController(DemoData data, DemoTarget target) {
		this.data = data;
		this.target = target;
	}

	// Runs before every handler, and before its parameters are resolved, so a request
	// without a valid key gets 401 whatever else is wrong with it.
	@ModelAttribute
	void authenticate(@RequestHeader(name = API_KEY_HEADER, required = false) String apiKey) {
		if (!this.target.accepts(apiKey)) {
			throw new DemoApiException(HttpStatus.UNAUTHORIZED,
					(apiKey != null) ? "Invalid API key" : "Missing " + API_KEY_HEADER + " header");
		}
	}

	@GetMapping("/v1/agents")
	Map<String, Object> agents() {
		List<Map<String, Object>> agents = this.data.agents().stream().map(DemoApiController::agentReference).toList();
		return page(agents, 0, agents.size(), agents.size(), "totalCount");
	}

	@GetMapping("/v1/agents/{agentId}")
	Map<String, Object> agent(@PathVariable String agentId) {
		Agent agent = agentOrNotFound(agentId);
		AgentSettings settings = agent.settings();
		Map<String, Object> agentSettings = new LinkedHashMap<>();
		agentSettings.put("llmModel", settings.llmModel());
		agentSettings.put("temperature", settings.temperature());
		agentSettings.put("language", settings.language());
		agentSettings.put("voice", settings.voice());
		agentSettings.put("welcomeMessage", settings.welcomeMessage());
		agentSettings.put("maxCallDurationSeconds", settings.maxCallDurationSeconds());
		List<Map<String, Object>> tools = agent.tools().stream().map((tool) -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("type", "function");
			json.put("name", tool.name());
			json.put("description", tool.description());
			return json;
		}).toList();
		// Here the name is "agentName"; inside other objects it is "name".
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("agentId", agent.agentId());
		body.put("agentName", agent.name());
		body.put("instructions", agent.instructions());
		body.put("agentSettings", agentSettings);
		body.put("tools", tools);
		return body;
	}

	@GetMapping("/v1/batch-runs")
	Map<String, Object> batchRuns(@RequestParam String agentId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Agent agent = agentOrNotFound(agentId);
		int pageSize = pageSize(page, size, MAX_BATCH_PAGE_SIZE);
		List<Batch> batches = this.data.batches(agent);
		List<Map<String, Object>> testCases = testCases(agent);
		List<Map<String, Object>> content = batches.stream()
			.skip((long) page * pageSize)
			.limit(pageSize)
			.map((batch) -> batchRun(batch, testCases))
			.toList();
		return page(content, page, pageSize, batches.size(), "totalCount");
	}

	@GetMapping("/v1/batch-runs/{batchId}")
	Map<String, Object> batchRun(@PathVariable String batchId, @RequestParam String agentId) {
		Batch batch = batchOrNotFound(batchId, agentId);
		return batchRun(batch, testCases(batch.agent()));
	}

	// Not documented by SigmaMind; it spells the total "totalCounts", as other lists do.
	@GetMapping("/v1/test-runs")
	Map<String, Object> testRuns(@RequestParam String agentId, @RequestParam String batchId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		Batch batch = batchOrNotFound(batchId, agentId);
		int pageSize = pageSize(page, size, MAX_RUN_PAGE_SIZE);
		List<Map<String, Object>> runs = this.data.runs(batch, (long) page * pageSize, pageSize)
			.stream()
			.map(this::testRun)
			.toList();
		return page(runs, page, pageSize, batch.totalAttempts(), "totalCounts");
	}

	@GetMapping("/v1/test-runs/{jobId}")
	Map<String, Object> testRun(@PathVariable String jobId, @RequestParam String batchId,
			@RequestParam String agentId) {
		Run run = this.data.run(jobId)
			.filter((candidate) -> candidate.batch().batchId().equals(batchId))
			.filter((candidate) -> candidate.agent().agentId().equals(agentId))
			.orElseThrow(() -> notFound("Test run " + jobId + " not found in batch run " + batchId));
		return testRun(run);
	}

	@GetMapping("/v1/test-cases")
	List<Map<String, Object>> testCases(@RequestParam String agentId) {
		return testCases(agentOrNotFound(agentId));
	}

	@GetMapping("/v1/test-cases/{testCaseId}")
	Map<String, Object> testCase(@PathVariable String testCaseId, @RequestParam String agentId) {
		TestCase testCase = this.data.testCase(testCaseId)
			.filter((candidate) -> candidate.agent().agentId().equals(agentId))
			.orElseThrow(() -> notFound("Test case " + testCaseId + " not found"));
		return testCase(testCase);
	}

	@GetMapping("/v1/chats/{chatId}")
	Map<String, Object> chat(@PathVariable String chatId) {
		Chat chat = this.data.chat(chatId).orElseThrow(() -> notFound("Chat " + chatId + " not found"));
		List<Map<String, Object>> messages = chat.messages().stream().map((message) -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("id", message.id());
			json.put("role", message.role());
			json.put("type", message.type());
			json.put("content", message.content());
			return json;
		}).toList();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("chatId", chat.chatId());
		body.put("status", chat.status());
		body.put("createdAt", timestamp(chat.createdAt()));
		body.put("transcript", chat.transcript());
		body.put("messages", messages);
		return body;
	}

	@RequestMapping("/**")
	void unknown(HttpServletRequest request) {
		String method = request.getMethod();
		if (HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method)) {
			throw notFound("No endpoint GET " + apiPath(request));
		}
		throw new DemoApiException(HttpStatus.METHOD_NOT_ALLOWED, "The demo API is read-only");
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> handle(DemoApiException ex, HttpServletRequest request) {
		return error(ex.status, ex.getMessage(), request);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> handle(MissingServletRequestParameterException ex, HttpServletRequest request) {
		return error(HttpStatus.BAD_REQUEST, "Required query parameter '" + ex.getParameterName() + "' is missing",
				request);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> handle(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		return error(HttpStatus.BAD_REQUEST, "Parameter '" + ex.getName() + "' has an invalid value", request);
	}

	/** ISO-8601 UTC, always with milliseconds: {@code 2026-03-26T10:52:45.000Z}. */
	static String timestamp(Instant instant) {
		return TIMESTAMP.format(instant);
	}

	private Map<String, Object> batchRun(Batch batch, List<Map<String, Object>> testCases) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("batchId", batch.batchId());
		body.put("workspaceId", this.data.workspaceId());
		body.put("agent", agentReference(batch.agent()));
		body.put("createdDate", timestamp(batch.createdDate()));
		body.put("testCases", testCases);
		body.put("successfulAttempts", batch.successfulAttempts());
		body.put("failedAttempts", batch.failedAttempts());
		body.put("totalAttempts", batch.totalAttempts());
		return body;
	}

	private Map<String, Object> testRun(Run run) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("batchId", run.batch().batchId());
		body.put("workspaceId", this.data.workspaceId());
		body.put("agent", agentReference(run.agent()));
		body.put("testCase", testCase(run.testCase()));
		body.put("jobId", run.jobId());
		body.put("chatId", run.chatId());
		body.put("createdDate", timestamp(run.createdDate()));
		if (run.finished()) {
			body.put("completedDate", timestamp(run.completedDate()));
		}
		// The older docs spell the verdict with one "s" and have no conversation: the
		// transcript of such a run is only in its chat.
		body.put(run.olderDialect() ? "isSuccesful" : "isSuccessful", run.successful());
		if (run.remarks() != null) {
			body.put("remarks", run.remarks());
		}
		if (!run.olderDialect()) {
			body.put("conversation", this.data.conversation(run).stream().map(DemoApiController::turn).toList());
		}
		return body;
	}

	private List<Map<String, Object>> testCases(Agent agent) {
		return this.data.testCases(agent).stream().map(this::testCase).toList();
	}

	private Map<String, Object> testCase(TestCase testCase) {
		List<Map<String, Object>> mockData = testCase.mockData().stream().map((variable) -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("variableName", variable.variableName());
			json.put("value", variable.value());
			return json;
		}).toList();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("testCaseId", testCase.testCaseId());
		body.put("label", testCase.label());
		body.put("agent", agentReference(testCase.agent()));
		body.put("workspaceId", this.data.workspaceId());
		body.put("llmModel", testCase.llmModel());
		body.put("mockData", mockData);
		body.put("userPrompt", testCase.userPrompt());
		body.put("attempt", testCase.attempts());
		body.put("successCriteria", testCase.successCriteria());
		return body;
	}

	private static Map<String, Object> turn(Message message) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("role", message.role());
		json.put("content", message.text());
		return json;
	}

	private static Map<String, Object> agentReference(Agent agent) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("agentId", agent.agentId());
		json.put("name", agent.name());
		json.put("status", agent.status());
		return json;
	}

	private Agent agentOrNotFound(String agentId) {
		return this.data.agent(agentId).orElseThrow(() -> notFound("Agent " + agentId + " not found"));
	}

	private Batch batchOrNotFound(String batchId, String agentId) {
		return this.data.batch(batchId)
			.filter((batch) -> batch.agent().agentId().equals(agentId))
			.orElseThrow(() -> notFound("Batch run " + batchId + " not found for agent " + agentId));
	}

	private static int pageSize(int page, int size, int max) {
		if (page < 0) {
			throw new DemoApiException(HttpStatus.BAD_REQUEST, "Parameter 'page' must not be negative");
		}
		if (size < 1) {
			throw new DemoApiException(HttpStatus.BAD_REQUEST, "Parameter 'size' must be at least 1");
		}
		return Math.min(size, max);
	}

	private static Map<String, Object> page(List<?> content, int page, int size, long total, String totalName) {
		long totalPages = (total + size - 1) / size;
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("data", content);
		body.put("page", page);
		body.put("size", size);
		body.put(totalName, total);
		body.put("totalPages", totalPages);
		body.put("hasNext", page + 1L < totalPages);
		body.put("hasPrevious", page > 0);
		return body;
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message,
			HttpServletRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", status.getReasonPhrase());
		body.put("message", message);
		body.put("path", apiPath(request));
		body.put("status", status.value());
		body.put("timestamp", timestamp(Instant.now()));
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
		if (status == HttpStatus.METHOD_NOT_ALLOWED) {
			response.allow(HttpMethod.GET);
		}
		return response.body(body);
	}

	// The path as SigmaMind would report it: without context path and /demo-api.
	private static String apiPath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith(DemoTarget.PATH) ? path.substring(DemoTarget.PATH.length()) : path;
	}

	private static DemoApiException notFound(String message) {
		return new DemoApiException(HttpStatus.NOT_FOUND, message);
	}

	static final class DemoApiException extends RuntimeException {

		private final HttpStatus status;

		DemoApiException(HttpStatus status, String message) {
			super(message, null, false, false);
			this.status = status;
		}

	}

}
