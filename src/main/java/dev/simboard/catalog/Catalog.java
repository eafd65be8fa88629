package dev.simboard.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.simboard.model.Agent;
import dev.simboard.model.Attempt;
import dev.simboard.model.Batch;
import dev.simboard.model.Chat;
import dev.simboard.model.Conversation;
import dev.simboard.model.Id;
import dev.simboard.model.Message;
import dev.simboard.model.Page;
import dev.simboard.model.Run;
import dev.simboard.sigmamind.Fetched;
import dev.simboard.sigmamind.SigmaMindClient;
import dev.simboard.sigmamind.SigmaMindException;
import dev.simboard.sigmamind.SigmaMindNotFoundException;
import dev.simboard.sigmamind.SigmaMindProperties;
import dev.simboard.transcript.Transcript;

import org.springframework.stereotype.Service;

/**
 * What the pages ask of SigmaMind, one method per page, each part behind its own cache.
 * Concurrent requests for a cold key make one upstream call; data past its freshness is
 * served while it is renewed; data SigmaMind fails to renew is served, marked stale, up
 * to the maximum staleness. A page waits for SigmaMind at most the response timeout plus
 * half a second, however many parts it has.
 */
@Service
public class Catalog {

	/** Page size of an agent's batch runs, as the documentation shows it. */
	public static final int BATCH_PAGE_SIZE = 20;

	/** Bound on the list calls made for one batch's runs. */
	static final int MAX_RUN_PAGES = 200;

	/**
	 * List pages fetched at once; well inside the bulkhead, so pages still get their
	 * calls.
	 */
	static final int PARALLEL_PAGES = 4;

	private final SigmaMindClient client;

	private final Archiving archiving;

	private final Clock clock;

	private final Duration budget;

	private final FreshCache<String, List<Agent>> agentLists;

	private final FreshCache<Id, Agent> agents;

	private final FreshCache<BatchPageKey, Page<Batch>> batchPages;

	private final FreshCache<BatchKey, Batch> batches;

	private final FreshCache<BatchKey, RunList> runLists;

	private final FreshCache<RunKey, Run> runs;

	private final FreshCache<Id, Chat> chats;

	private final List<FreshCache<?, ?>> all;

	/** Archived runs SigmaMind answered 404 for, lately. */
	private final Cache<Id, Boolean> goneUpstream = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofDays(1))
		.build();

	/** Resources refreshed by hand lately, so a button cannot hammer SigmaMind. */
	private final Cache<Object, Boolean> manualRefreshes;

	Catalog(SigmaMindClient client, Archiving archiving, CacheProperties cache, SigmaMindProperties sigmaMind,
			Clock clock, MeterRegistry meters) {
		this.client = client;
		this.archiving = archiving;
		this.clock = clock;
		this.budget = sigmaMind.responseTimeout().plusMillis(500);
		Duration list = cache.listTtl();
		Duration running = cache.runningTtl();
		Duration stale = cache.maxStaleness();
		// Runs take three eighths of the memory bound, chats and run lists a quarter
		// each, and rendered run pages the last eighth (CacheProperties#renderedWeight);
		// what batch pages work out from run lists comes out of the run lists' quarter
		// (CacheProperties#viewsWeight).
		long eighth = cache.finishedWeight().toBytes() / 8;
		long runsWeight = 3 * eighth;
		long quarterWeight = 2 * eighth;
		long runListsWeight = quarterWeight - cache.viewsWeight().toBytes();
		// Lists always change; finished batches, runs and chats never do.
		this.agentLists = new FreshCache<>("agents", 1, null, (key) -> client.agents(), null, (agents) -> false, list,
				stale, clock, meters);
		this.agents = new FreshCache<>("agent", 1_000, null, client::agent, null, (agent) -> false, list, stale, clock,
				meters);
		this.batchPages = new FreshCache<>("batch-pages", 1_000, null,
				(key) -> client.batchRuns(key.agentId(), key.page(), BATCH_PAGE_SIZE), null, (page) -> false, list,
				stale, clock, meters);
		this.batches = new FreshCache<>("batches", 10_000, null, this::loadBatch, this::fetchBatch, Batch::finished,
				running, stale, clock, meters);
		this.runLists = new FreshCache<>("run-lists", runListsWeight, Catalog::weigh, this::loadRunList,
				this::fetchRunList, RunList::finished, running, stale, clock, meters);
		this.runs = new FreshCache<>("runs", runsWeight, Catalog::weigh, this::loadRun, this::reloadRun, Run::finished,
				running, stale, clock, meters);
		this.chats = new FreshCache<>("chats", quarterWeight, Catalog::weigh, this::loadChat, this::fetchChat,
				Chat::ended, running, stale, clock, meters);
		this.all = List.of(this.agentLists, this.agents, this.batchPages, this.batches, this.runLists, this.runs,
				this.chats);
		this.manualRefreshes = Caffeine.newBuilder()
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.expireAfterWrite(cache.manualRefreshInterval())
			.maximumSize(10_000)
			.build();
	}

	/** Every agent of the workspace. */
	public Fresh<List<Agent>> agents() {
		return this.agentLists.get("all", deadline());
	}

	/** An agent and one page (from 0) of its batch runs, loaded side by side. */
	public AgentBatches agentBatches(Id agentId, int page) {
		Instant deadline = deadline();
		CompletableFuture<Fresh<Agent>> agent = this.agents.start(agentId);
		BatchPageKey pageKey = new BatchPageKey(agentId, page);
		CompletableFuture<Fresh<Page<Batch>>> batches = this.batchPages.start(pageKey);
		return new AgentBatches(this.agents.await(agentId, agent, deadline),
				this.batchPages.await(pageKey, batches, deadline));
	}

	/** A batch run and its runs, loaded side by side. */
	public BatchRuns batchRuns(Id agentId, Id batchId) {
		Instant deadline = deadline();
		BatchKey key = new BatchKey(agentId, batchId);
		CompletableFuture<Fresh<Batch>> batch = this.batches.start(key);
		CompletableFuture<Fresh<RunList>> runs = this.runLists.start(key);
		return new BatchRuns(this.batches.await(key, batch, deadline), this.runLists.await(key, runs, deadline));
	}

	/**
	 * One run with its transcript: its own {@code conversation}, or else its chat's
	 * messages. A chat that cannot be read leaves the run readable with a note. Its
	 * attempt number comes from the batch's run list when that is at hand without
	 * waiting.
	 */
	public RunDetail run(Id agentId, Id batchId, Id jobId) {
		Instant deadline = deadline();
		Fresh<Run> run = this.runs.get(new RunKey(agentId, batchId, jobId), deadline);
		// Fetching a whole batch's runs for one run page would cost more than it shows.
		Fresh<RunList> runList = this.runLists.getIfCached(new BatchKey(agentId, batchId));
		Attempt attempt = (runList != null) ? runList.value().attempt(jobId.value()) : null;
		Run value = run.value();
		boolean gone = this.goneUpstream.getIfPresent(jobId) != null;
		if (value.conversation().source() == Conversation.Source.RUN) {
			return new RunDetail(value, Transcript.of(value.conversation()), null, attempt, Staleness.of(run, runList),
					gone);
		}
		Optional<Id> chatId = Id.parse(value.chatId());
		if (chatId.isEmpty()) {
			return new RunDetail(value, Transcript.none(),
					"SigmaMind sent no conversation and no chat ID for this run.", attempt, Staleness.of(run, runList),
					gone);
		}
		try {
			Fresh<Chat> chat = this.chats.get(chatId.get(), deadline);
			return new RunDetail(value, Transcript.of(chat.value().conversation()), null, attempt,
					Staleness.of(run, runList, chat), gone);
		}
		catch (SigmaMindException ex) {
			return new RunDetail(value, Transcript.none(),
					"The transcript is kept in chat " + value.chatId()
							+ ", which SigmaMind did not return just now. Reload the page to try again.",
					attempt, Staleness.of(run, runList), gone);
		}
	}

	/**
	 * A batch's runs if they are cached now, without asking SigmaMind: for "previous" and
	 * "next" on a run page reached from the batch page. {@code null} otherwise.
	 */
	public RunList runsIfCached(Id agentId, Id batchId) {
		Fresh<RunList> runs = this.runLists.getIfCached(new BatchKey(agentId, batchId));
		return (runs != null) ? runs.value() : null;
	}

	/**
	 * Asks SigmaMind again for a batch and its runs, at most once per resource a while.
	 */
	public RefreshOutcome refreshBatch(Id agentId, Id batchId) {
		BatchKey key = new BatchKey(agentId, batchId);
		if (this.manualRefreshes.asMap().putIfAbsent(key, Boolean.TRUE) != null) {
			return RefreshOutcome.TOO_SOON;
		}
		Instant deadline = deadline();
		try {
			return outcome(this.batches.reload(key, deadline), this.runLists.reload(key, deadline));
		}
		catch (SigmaMindException ex) {
			// Nothing was cached to fall back on: say so on the page it came from.
			return RefreshOutcome.FAILED;
		}
	}

	/** Asks SigmaMind again for a run (and its chat), at most once per run a while. */
	public RefreshOutcome refreshRun(Id agentId, Id batchId, Id jobId) {
		RunKey key = new RunKey(agentId, batchId, jobId);
		if (this.manualRefreshes.asMap().putIfAbsent(key, Boolean.TRUE) != null) {
			return RefreshOutcome.TOO_SOON;
		}
		Instant deadline = deadline();
		try {
			Fresh<Run> run = this.runs.reload(key, deadline);
			if (this.goneUpstream.getIfPresent(jobId) != null) {
				return RefreshOutcome.ARCHIVED_ONLY;
			}
			Optional<Id> chatId = Id.parse(run.value().chatId());
			if (run.value().conversation().source() != Conversation.Source.RUN && chatId.isPresent()) {
				return outcome(run, this.chats.reload(chatId.get(), deadline));
			}
			return outcome(run);
		}
		catch (SigmaMindException ex) {
			return RefreshOutcome.FAILED;
		}
	}

	/** Drops everything cached: for the admin page and tests. */
	public void invalidateAll() {
		this.all.forEach(FreshCache::invalidateAll);
		this.manualRefreshes.invalidateAll();
	}

	/** Hit and load figures of each cache, for the admin page. */
	public List<CacheFigures> figures() {
		List<CacheFigures> figures = new ArrayList<>();
		for (FreshCache<?, ?> cache : this.all) {
			var stats = cache.stats();
			figures.add(new CacheFigures(cache.name(), cache.size(), stats.hitCount(), stats.missCount(),
					stats.hitRate(), stats.loadFailureCount(), stats.evictionCount()));
		}
		return figures;
	}

	/**
	 * The page of an archived run, found by its job ID or its chat's ID alone; empty when
	 * the archive does not know it.
	 */
	public Optional<RunAddress> locate(Id jobOrChatId) {
		return this.archiving.locate(jobOrChatId);
	}

	/** The archive's size, counts and oldest entry, for the admin page. */
	public ArchiveFigures archiveFigures() {
		return this.archiving.figures();
	}

	/**
	 * Archive writes asked for and not yet done (they go one at a time, in the
	 * background).
	 */
	public int archiveBacklog() {
		return this.archiving.backlog();
	}

	private static RefreshOutcome outcome(Fresh<?>... parts) {
		for (Fresh<?> part : parts) {
			if (part.stale()) {
				return RefreshOutcome.FAILED;
			}
		}
		return RefreshOutcome.REFRESHED;
	}

	private Instant deadline() {
		return this.clock.instant().plus(this.budget);
	}

	/**
	 * Caffeine, then the archive, then SigmaMind: a finished run read once is archived,
	 * and read from there after a restart.
	 */
	private Mono<Run> loadRun(RunKey key) {
		return this.archiving.run(key.agentId(), key.batchId(), key.jobId())
			.flatMap((archived) -> archived.map(Mono::just)
				.orElseGet(() -> this.client.testRun(key.agentId(), key.batchId(), key.jobId())
					.doOnNext((run) -> this.archiving.keep(key.agentId(), key.batchId(), run))
					.map(Fetched::value)));
	}

	/**
	 * A run renewed, or refreshed by hand, is asked of SigmaMind; when SigmaMind no
	 * longer has it, the archived copy stays, and the page says so.
	 */
	private Mono<Run> reloadRun(RunKey key) {
		return this.client.testRun(key.agentId(), key.batchId(), key.jobId()).doOnNext((run) -> {
			this.goneUpstream.invalidate(key.jobId());
			this.archiving.keep(key.agentId(), key.batchId(), run);
		})
			.map(Fetched::value)
			.onErrorResume(SigmaMindNotFoundException.class,
					(ex) -> this.archiving.run(key.agentId(), key.batchId(), key.jobId())
						.flatMap((archived) -> archived.map((run) -> {
							this.goneUpstream.put(key.jobId(), Boolean.TRUE);
							return Mono.just(run);
						}).orElseGet(() -> Mono.error(ex))));
	}

	private Mono<Chat> loadChat(Id chatId) {
		return this.archiving.chat(chatId)
			.flatMap((archived) -> archived.map(Mono::just).orElseGet(() -> fetchChat(chatId)));
	}

	/** Renewed, or refreshed by hand: asked of SigmaMind. */
	private Mono<Chat> fetchChat(Id chatId) {
		return this.client.chat(chatId).doOnNext(this.archiving::keep).map(Fetched::value);
	}

	private Mono<Batch> loadBatch(BatchKey key) {
		return this.archiving.batch(key.agentId(), key.batchId())
			.flatMap((archived) -> archived.map(Mono::just).orElseGet(() -> fetchBatch(key)));
	}

	/** Renewed, or refreshed by hand: asked of SigmaMind. */
	private Mono<Batch> fetchBatch(BatchKey key) {
		return this.client.batchRun(key.agentId(), key.batchId())
			.doOnNext((batch) -> this.archiving.keep(key.agentId(), batch))
			.map(Fetched::value);
	}

	/** The runs of a batch, judged complete against the batch's counts. */
	private Mono<RunList> loadRunList(BatchKey key) {
		return runList(key, true);
	}

	/** Renewed, or refreshed by hand: the list asked of SigmaMind. */
	private Mono<RunList> fetchRunList(BatchKey key) {
		return runList(key, false);
	}

	private Mono<RunList> runList(BatchKey key, boolean archiveFirst) {
		return Mono.fromFuture(() -> this.batches.start(key))
			.flatMap((batch) -> (archiveFirst ? this.archiving.runs(key.agentId(), key.batchId())
					: Mono.just(Optional.<List<Run>>empty()))
				.flatMap((archived) -> archived.map((runs) -> Mono.just(RunList.listed(runs, batch.value())))
					.orElseGet(() -> fetchRuns(key, batch.value()))))
			.onErrorResume(SigmaMindNotFoundException.class, (ex) -> Mono.just(RunList.unlisted()));
	}

	private Mono<RunList> fetchRuns(BatchKey key, Batch batch) {
		return loadRunPages(key, 0, new ArrayList<>()).map((runs) -> {
			RunList list = RunList.listed(runs.stream().map(Fetched::value).toList(), batch);
			if (list.finished()) {
				this.archiving.keep(key.agentId(), key.batchId(), runs);
			}
			return list;
		});
	}

	/**
	 * A batch's runs page by page: the first page says how many follow, fetched a few at
	 * once.
	 */
	private Mono<List<Fetched<Run>>> loadRunPages(BatchKey key, int page, List<Fetched<Run>> collected) {
		return this.client.testRuns(key.agentId(), key.batchId(), page).flatMap((result) -> {
			collected.addAll(result.items());
			boolean more = result.more() && !result.items().isEmpty() && page + 1 < MAX_RUN_PAGES;
			if (!more) {
				return Mono.just(collected);
			}
			if (page == 0 && result.pages() != null) {
				int last = Math.min(result.pages(), MAX_RUN_PAGES);
				return Flux.range(1, last - 1)
					.flatMapSequential((next) -> this.client.testRuns(key.agentId(), key.batchId(), next),
							PARALLEL_PAGES)
					.doOnNext((next) -> collected.addAll(next.items()))
					.then(Mono.just(collected));
			}
			return loadRunPages(key, page + 1, collected);
		});
	}

	private static int weigh(Run run) {
		int weight = 2_048;
		for (Message message : run.conversation().messages()) {
			weight += 64 + message.text().length() * 2;
		}
		return weight;
	}

	private static int weigh(RunList list) {
		return 1_024 + list.runs().stream().mapToInt(Catalog::weigh).sum();
	}

	private static int weigh(Chat chat) {
		return 1_024 + chat.messages().stream().mapToInt((message) -> 128 + message.text().length() * 2).sum();
	}

	record BatchPageKey(Id agentId, int page) {
	}

	record BatchKey(Id agentId, Id batchId) {
	}

	record RunKey(Id agentId, Id batchId, Id jobId) {
	}

}
