package dev.simboard.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import reactor.core.publisher.Mono;

import dev.simboard.sigmamind.Agent;
import dev.simboard.sigmamind.ApiPage;
import dev.simboard.sigmamind.BatchRun;
import dev.simboard.sigmamind.Chat;
import dev.simboard.sigmamind.ConversationMessage;
import dev.simboard.sigmamind.SigmaMindClient;
import dev.simboard.sigmamind.SigmaMindException;
import dev.simboard.sigmamind.SigmaMindNotFoundException;
import dev.simboard.sigmamind.TestRun;
import dev.simboard.transcript.Transcript;

import org.springframework.stereotype.Service;

/**
 * What the pages ask of SigmaMind, one method per need, each behind a Caffeine cache so
 * concurrent requests for the same cold key make one upstream call.
 */
@Service
public class Catalog {

	/** Page size of an agent's batch runs, as the documentation shows it. */
	public static final int BATCH_PAGE_SIZE = 20;

	/** Bound on the list calls made for one batch's runs. */
	static final int MAX_RUN_PAGES = 200;

	private final SigmaMindClient client;

	private final AsyncLoadingCache<String, List<Agent>> agentLists;

	private final AsyncLoadingCache<String, Agent> agents;

	private final AsyncLoadingCache<BatchPageKey, ApiPage<BatchRun>> batchPages;

	private final AsyncLoadingCache<BatchKey, BatchRun> batches;

	private final AsyncLoadingCache<BatchKey, RunList> runLists;

	private final AsyncLoadingCache<RunKey, TestRun> runs;

	private final AsyncLoadingCache<String, Chat> chats;

	Catalog(SigmaMindClient client, CacheProperties properties) {
		this.client = client;
		Duration list = properties.listTtl();
		Duration running = properties.runningTtl();
		Duration finished = properties.finishedTtl();
		this.agentLists = Caffeine.newBuilder()
			.expireAfterWrite(list)
			.recordStats()
			.buildAsync((key, executor) -> client.agents().toFuture());
		this.agents = Caffeine.newBuilder()
			.maximumSize(1_000)
			.expireAfterWrite(list)
			.recordStats()
			.buildAsync((agentId, executor) -> client.agent(agentId).toFuture());
		this.batchPages = Caffeine.newBuilder()
			.maximumSize(1_000)
			.expireAfterWrite(list)
			.recordStats()
			.buildAsync((key, executor) -> client.batchRuns(key.agentId(), key.page(), BATCH_PAGE_SIZE).toFuture());
		this.batches = Caffeine.newBuilder()
			.maximumSize(10_000)
			.expireAfter(Expiry.<BatchKey, BatchRun>creating((key, batch) -> batch.running() ? running : finished))
			.recordStats()
			.buildAsync((key, executor) -> client.batchRun(key.agentId(), key.batchId()).toFuture());
		this.runLists = Caffeine.newBuilder()
			.maximumSize(1_000)
			.expireAfter(Expiry.<BatchKey, RunList>creating((key, runs) -> runs.finished() ? finished : running))
			.recordStats()
			.buildAsync((key, executor) -> loadRunList(key).toFuture());
		this.runs = Caffeine.newBuilder()
			.maximumWeight(properties.finishedWeight().toBytes() / 2)
			.weigher((RunKey key, TestRun run) -> weigh(run))
			.expireAfter(Expiry.<RunKey, TestRun>creating((key, run) -> run.finished() ? finished : running))
			.recordStats()
			.buildAsync((key, executor) -> client.testRun(key.agentId(), key.batchId(), key.jobId()).toFuture());
		this.chats = Caffeine.newBuilder()
			.maximumWeight(properties.finishedWeight().toBytes() / 2)
			.weigher((String key, Chat chat) -> weigh(chat))
			.expireAfter(Expiry.<String, Chat>creating((key, chat) -> chat.ended() ? finished : running))
			.recordStats()
			.buildAsync((chatId, executor) -> client.chat(chatId).toFuture());
	}

	/** Every agent of the workspace. */
	public List<Agent> agents() {
		return join(this.agentLists.get("all"));
	}

	/** One agent, by ID. */
	public Agent agent(String agentId) {
		return join(this.agents.get(agentId));
	}

	/** One page (from 0) of an agent's batch runs, newest first. */
	public ApiPage<BatchRun> batchRuns(String agentId, int page) {
		return join(this.batchPages.get(new BatchPageKey(agentId, page)));
	}

	/** One batch run. */
	public BatchRun batch(String agentId, String batchId) {
		return join(this.batches.get(new BatchKey(agentId, batchId)));
	}

	/** The runs of a batch, or word that SigmaMind does not list them. */
	public RunList runs(String agentId, String batchId) {
		return join(this.runLists.get(new BatchKey(agentId, batchId)));
	}

	/**
	 * One run with its transcript: its own {@code conversation}, or else its chat's
	 * messages. A chat that cannot be read leaves the run readable with a note.
	 */
	public RunDetail run(String agentId, String batchId, String jobId) {
		TestRun run = join(this.runs.get(new RunKey(agentId, batchId, jobId)));
		if (run.conversation() != null) {
			return new RunDetail(run, Transcript.fromConversation(run.conversation()), null);
		}
		if (run.chatId() == null || !SigmaMindClient.ID.matcher(run.chatId()).matches()) {
			return new RunDetail(run, Transcript.none(), "SigmaMind sent no conversation and no chat ID for this run.");
		}
		try {
			return new RunDetail(run, Transcript.fromChat(join(this.chats.get(run.chatId()))), null);
		}
		catch (SigmaMindException ex) {
			return new RunDetail(run, Transcript.none(),
					"The transcript is kept in chat " + run.chatId() + ", which SigmaMind did not return ("
							+ ex.getClass().getSimpleName().replace("SigmaMind", "").replace("Exception", "")
							+ "). Reload to try again.");
		}
	}

	private Mono<RunList> loadRunList(BatchKey key) {
		return loadRunPages(key, 0, new ArrayList<>()).map(RunList::listed)
			.onErrorResume(SigmaMindNotFoundException.class, (ex) -> Mono.just(RunList.unlisted()));
	}

	private Mono<List<TestRun>> loadRunPages(BatchKey key, int page, List<TestRun> collected) {
		return this.client.testRuns(key.agentId(), key.batchId(), page).flatMap((result) -> {
			collected.addAll(result.data());
			boolean more = result.more() && !result.data().isEmpty() && page + 1 < MAX_RUN_PAGES;
			return more ? loadRunPages(key, page + 1, collected) : Mono.just(collected);
		});
	}

	private static int weigh(TestRun run) {
		int weight = 2_048;
		List<ConversationMessage> conversation = run.conversation();
		if (conversation != null) {
			for (ConversationMessage message : conversation) {
				weight += 64 + ((message.content() != null) ? message.content().length() * 2 : 0);
			}
		}
		return weight;
	}

	private static int weigh(Chat chat) {
		int weight = 1_024 + ((chat.transcript() != null) ? chat.transcript().length() * 2 : 0);
		weight += chat.messages().stream().mapToInt((message) -> 128 + message.text().length() * 2).sum();
		return weight;
	}

	private static <T> T join(CompletableFuture<T> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for SigmaMind", ex);
		}
		catch (ExecutionException | CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** For the admin page and tests: drop everything cached. */
	public void invalidateAll() {
		this.agentLists.synchronous().invalidateAll();
		this.agents.synchronous().invalidateAll();
		this.batchPages.synchronous().invalidateAll();
		this.batches.synchronous().invalidateAll();
		this.runLists.synchronous().invalidateAll();
		this.runs.synchronous().invalidateAll();
		this.chats.synchronous().invalidateAll();
	}

	record BatchPageKey(String agentId, int page) {
	}

	record BatchKey(String agentId, String batchId) {
	}

	record RunKey(String agentId, String batchId, String jobId) {
	}

}
