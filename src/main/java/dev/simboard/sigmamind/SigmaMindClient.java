package dev.simboard.sigmamind;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import dev.simboard.model.Batch;
import dev.simboard.model.Chat;
import dev.simboard.model.Id;
import dev.simboard.model.Page;
import dev.simboard.model.Run;
import dev.simboard.model.TestCase;
import dev.simboard.sigmamind.SigmaMindUnavailableException.Reason;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.UnsupportedMediaTypeException;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The one way into SigmaMind: every documented read, with the key set per request,
 * timeouts, and each failure turned into a {@link SigmaMindException} subtype. Answers
 * come back as Simboard's model ({@code dev.simboard.model}), whichever dialect SigmaMind
 * spoke: the wire records stay in this package (see {@link WireModel}). IDs come as
 * {@link Id}s, checked when they were made, and go into the URI template as they are.
 */
@Component
public class SigmaMindClient {

	private static final String API_KEY_HEADER = "X-API-Key";

	private static final ParameterizedTypeReference<ApiPage<Agent>> AGENT_PAGE = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<ApiPage<BatchRun>> BATCH_PAGE = new ParameterizedTypeReference<>() {
	};

	private static final JavaType RUN_PAGE_TYPE = SigmaMindJson.MAPPER.getTypeFactory()
		.constructParametricType(ApiPage.class, TestRun.class);

	private static final ParameterizedTypeReference<List<dev.simboard.sigmamind.TestCase>> TEST_CASES = new ParameterizedTypeReference<>() {
	};

	private final WebClient webClient;

	private final SigmaMindTarget target;

	private final SigmaMindProperties properties;

	private final UpstreamGuard guard;

	private final Clock clock;

	public SigmaMindClient(WebClient.Builder builder, SigmaMindTarget target, SigmaMindProperties properties,
			Clock clock, MeterRegistry meters) {
		this(builder, target, properties, clock, meters, (SharedPause) null);
	}

	/** As Spring makes it: with the pause the replicas share, where one is set up. */
	@Autowired
	SigmaMindClient(WebClient.Builder builder, SigmaMindTarget target, SigmaMindProperties properties, Clock clock,
			MeterRegistry meters, ObjectProvider<SharedPause> shared) {
		this(builder, target, properties, clock, meters, shared.getIfAvailable());
	}

	/**
	 * @param shared the pause the replicas share after a 429, or {@code null} for this
	 * Simboard's own only
	 */
	public SigmaMindClient(WebClient.Builder builder, SigmaMindTarget target, SigmaMindProperties properties,
			Clock clock, MeterRegistry meters, SharedPause shared) {
		HttpClient httpClient = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
			.responseTimeout(properties.responseTimeout());
		// A fresh builder's clone: the shared one may carry other customisations.
		this.webClient = builder.clone()
			.clientConnector(new ReactorClientHttpConnector(httpClient))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize((int) properties.maxResponseSize().toBytes()))
			.defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.defaultHeader(HttpHeaders.USER_AGENT, "Simboard")
			.build();
		this.target = target;
		this.properties = properties;
		this.guard = new UpstreamGuard(properties.resilience(), clock, meters, shared);
		this.clock = clock;
	}

	/** The circuit breaker's state, for the admin page and health. */
	public String breakerState() {
		return this.guard.breakerState().name();
	}

	/** {@code GET /v1/agents}. */
	public Mono<List<dev.simboard.model.Agent>> agents() {
		return get("GET /v1/agents", "/v1/agents", Map.of(), null, AGENT_PAGE, (page) -> WireModel.agents(page.data()));
	}

	/** {@code GET /v1/agents/{agentId}}. */
	public Mono<dev.simboard.model.Agent> agent(Id agentId) {
		return get("GET /v1/agents/{agentId}", "/v1/agents/{agentId}", Map.of("agentId", agentId.value()), null,
				ParameterizedTypeReference.<Agent>forType(Agent.class), WireModel::agent);
	}

	/** {@code GET /v1/batch-runs?agentId=…&page=…&size=…}, newest first. */
	public Mono<Page<Batch>> batchRuns(Id agentId, int page, int size) {
		return get("GET /v1/batch-runs", "/v1/batch-runs", Map.of(),
				query("agentId", agentId.value(), "page", page, "size", size), BATCH_PAGE,
				(batches) -> WireModel.page(batches, WireModel::batch));
	}

	/** {@code GET /v1/batch-runs/{batchId}?agentId=…}. */
	public Mono<Fetched<Batch>> batchRun(Id agentId, Id batchId) {
		String endpoint = "GET /v1/batch-runs/{batchId}";
		return json(endpoint, "/v1/batch-runs/{batchId}", Map.of("batchId", batchId.value()),
				query("agentId", agentId.value()), (json) -> new Fetched<>(SigmaMindJson.batch(json), json));
	}

	/**
	 * The test runs of a batch, through the undocumented list call whose path is the
	 * {@code simboard.sigmamind.test-runs-path} setting. An upstream without it answers
	 * 404 or 405: {@link SigmaMindNotFoundException}.
	 */
	public Mono<Page<Fetched<Run>>> testRuns(Id agentId, Id batchId, int page) {
		String path = this.properties.testRunsPath();
		return json("GET " + path, path, Map.of(), query("agentId", agentId.value(), "batchId", batchId.value(), "page",
				page, "size", this.properties.testRunsPageSize()), SigmaMindClient::runPage);
	}

	/** A page of runs, each with its own part of the page's JSON. */
	private static Page<Fetched<Run>> runPage(String json) {
		JsonNode root = SigmaMindJson.MAPPER.readTree(json);
		ApiPage<TestRun> page = SigmaMindJson.MAPPER.treeToValue(root, RUN_PAGE_TYPE);
		JsonNode items = root.path("data");
		List<Fetched<Run>> runs = new ArrayList<>(page.data().size());
		for (int i = 0; i < page.data().size(); i++) {
			runs.add(new Fetched<>(WireModel.run(page.data().get(i)), items.get(i).toString()));
		}
		return new Page<>(runs, page.more(), page.totalPages(), page.totalCount());
	}

	/** {@code GET /v1/test-runs/{jobId}?batchId=…&agentId=…}. */
	public Mono<Fetched<Run>> testRun(Id agentId, Id batchId, Id jobId) {
		return json("GET /v1/test-runs/{jobId}", "/v1/test-runs/{jobId}", Map.of("jobId", jobId.value()),
				query("batchId", batchId.value(), "agentId", agentId.value()),
				(json) -> new Fetched<>(SigmaMindJson.run(json), json));
	}

	/** {@code GET /v1/test-cases?agentId=…}, a bare array. */
	public Mono<List<TestCase>> testCases(Id agentId) {
		return get("GET /v1/test-cases", "/v1/test-cases", Map.of(), query("agentId", agentId.value()), TEST_CASES,
				WireModel::testCases);
	}

	/** {@code GET /v1/chats/{chatId}}. */
	public Mono<Fetched<Chat>> chat(Id chatId) {
		return json("GET /v1/chats/{chatId}", "/v1/chats/{chatId}", Map.of("chatId", chatId.value()), null,
				(json) -> new Fetched<>(SigmaMindJson.chat(json), json));
	}

	/**
	 * The body as it came, for answers the archive keeps; read into the model by
	 * {@link SigmaMindJson}, as an archived copy is. A body that is not the JSON expected
	 * fails as the decoder's would.
	 */
	private <T> Mono<T> json(String endpoint, String path, Map<String, String> pathVariables,
			MultiValueMap<String, String> query, Function<String, T> read) {
		return get(endpoint, path, pathVariables, query, ParameterizedTypeReference.<String>forType(String.class),
				read);
	}

	private <B, T> Mono<T> get(String endpoint, String path, Map<String, String> pathVariables,
			MultiValueMap<String, String> query, ParameterizedTypeReference<B> type, Function<B, T> read) {
		URI uri = UriComponentsBuilder.fromUri(this.target.baseUrl())
			.path(path)
			.queryParams(query)
			.encode()
			.buildAndExpand(pathVariables)
			.toUri();
		Duration deadline = this.properties.connectTimeout().plus(this.properties.responseTimeout());
		Mono<T> call = this.webClient.get()
			.uri(uri)
			.header(API_KEY_HEADER, this.target.apiKey())
			.retrieve()
			.onStatus(HttpStatusCode::isError, (response) -> failure(endpoint, response))
			.bodyToMono(type)
			// Read inside the guard: a body that is not what was expected is a failed
			// call.
			.map(read)
			.switchIfEmpty(Mono.error(() -> new SigmaMindBadResponseException(endpoint, "empty body", null)))
			.timeout(deadline,
					Mono.error(() -> new SigmaMindUnavailableException(endpoint, Reason.TIMEOUT,
							"no answer within " + deadline.toMillis() + " ms", null)))
			.onErrorMap((ex) -> !(ex instanceof SigmaMindException), (ex) -> translate(endpoint, ex));
		return this.guard.guard(endpoint, call);
	}

	private Mono<SigmaMindException> failure(String endpoint, ClientResponse response) {
		int status = response.statusCode().value();
		if (status == 429) {
			Duration retryAfter = retryAfter(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER),
					this.clock);
			return response.releaseBody()
				.then(this.guard.pause(retryAfter))
				.map((wait) -> new SigmaMindRateLimitedException(endpoint, wait));
		}
		SigmaMindException ex = switch (status) {
			case 401, 403 -> new SigmaMindUnauthorizedException(endpoint, status);
			case 404, 405 -> new SigmaMindNotFoundException(endpoint, status);
			default -> (status >= 500)
					? new SigmaMindUnavailableException(endpoint, Reason.SERVER_ERROR, "answered " + status, null)
					: new SigmaMindBadResponseException(endpoint, status, "answered " + status, null);
		};
		return response.releaseBody().then(Mono.just(ex));
	}

	private static SigmaMindException translate(String endpoint, Throwable ex) {
		// WebClient wraps body-reading failures of a 2xx answer in
		// WebClientResponseException.
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataBufferLimitException) {
				return new SigmaMindBadResponseException(endpoint, "response larger than the size limit", ex);
			}
			if (cause instanceof CodecException || cause instanceof UnsupportedMediaTypeException
					|| cause instanceof JacksonException || cause instanceof IllegalArgumentException) {
				return new SigmaMindBadResponseException(endpoint, "response is not the JSON expected", ex);
			}
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof TimeoutException || cause instanceof ReadTimeoutException) {
				return new SigmaMindUnavailableException(endpoint, Reason.TIMEOUT, "no answer in time", ex);
			}
		}
		if (ex instanceof WebClientRequestException) {
			return new SigmaMindUnavailableException(endpoint, Reason.CONNECT, "could not be reached", ex);
		}
		return new SigmaMindUnavailableException(endpoint, Reason.CONNECT, ex.getClass().getSimpleName(), ex);
	}

	/**
	 * Reads {@code Retry-After} as seconds or as an HTTP date, counted from the clock's
	 * now; {@code null} when absent or unreadable.
	 */
	static Duration retryAfter(String value, Clock clock) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed)));
		}
		catch (NumberFormatException ex) {
			// Not seconds: try an HTTP date.
		}
		try {
			ZonedDateTime until = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
			Duration wait = Duration.between(clock.instant(), until.toInstant());
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static MultiValueMap<String, String> query(Object... pairs) {
		MultiValueMap<String, String> query = new org.springframework.util.LinkedMultiValueMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			query.add((String) pairs[i], String.valueOf(pairs[i + 1]));
		}
		return query;
	}

}
