package dev.simboard.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.simboard.archive.Archive;
import dev.simboard.archive.ArchiveStats;
import dev.simboard.archive.ArchivedBatch;
import dev.simboard.archive.ArchivedRun;
import dev.simboard.archive.Dropped;
import dev.simboard.archive.RenderedBody;
import dev.simboard.archive.SearchText;
import dev.simboard.logging.Warnings;
import dev.simboard.model.Batch;
import dev.simboard.model.Chat;
import dev.simboard.model.Conversation;
import dev.simboard.model.Id;
import dev.simboard.model.Message;
import dev.simboard.model.Run;
import dev.simboard.sigmamind.Fetched;
import dev.simboard.sigmamind.SigmaMindJson;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.stereotype.Component;

/**
 * The catalog's second level: finished runs, batches and chats as SigmaMind sent them,
 * kept in the archive the first time they are read, and read from it before SigmaMind is
 * asked. Running data is never archived. The archive is a help, never a need: when it
 * fails, reads go to SigmaMind and writes are dropped, with one WARN line a minute.
 * Writes go in the background, one at a time, so no page waits for the database.
 */
@Component
class Archiving {

	/** Writes waiting at most; past it, a write is dropped (the data is read again). */
	static final int QUEUE = 256;

	/**
	 * Characters of SigmaMind's JSON the waiting writes may hold together (a run list of
	 * 2,000 runs is a few million); past it, a write is dropped as when the queue is
	 * full. A write alone is taken whatever its size: its caller holds the body anyway.
	 */
	static final long QUEUE_CHARS = 32L * 1024 * 1024;

	/** How long a page waits for the archive before it asks SigmaMind, by default. */
	static final Duration READ_LIMIT = Duration.ofMillis(500);

	/** While the archive fails, how often a read tries it again. */
	static final Duration TRIAL_EVERY = Duration.ofSeconds(10);

	/** Chats kept waiting for their run, at most. */
	static final int WAITING_CHATS = 1_000;

	/** A body larger than this, in characters, is not archived. */
	static final int MAX_JSON = 8 * 1024 * 1024;

	private final Archive archive;

	private final Clock clock;

	private final Warnings warnings;

	private final ThreadPoolExecutor writer;

	private final ArchiveStatus status;

	private final long queueChars;

	private final Duration readLimit;

	/** Characters of JSON the writes not yet done hold. */
	private final AtomicLong queuedChars = new AtomicLong();

	/**
	 * Runs read from the archive, by identity, for as long as the catalog holds them.
	 */
	private final Cache<Run, Boolean> readHere = Caffeine.newBuilder().weakKeys().build();

	/** While the archive fails, when to try a read again. */
	private volatile Instant nextTrial;

	/**
	 * Chats that ended before their run was archived, kept until it is (both are written
	 * on the one writer thread).
	 */
	private final Map<String, Fetched<Chat>> waitingChats = new java.util.LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Fetched<Chat>> eldest) {
			return size() > WAITING_CHATS;
		}
	};

	@Autowired
	Archiving(Archive archive, ArchiveStatus status, Clock clock, ArchiveSettings settings) {
		this(archive, status, clock, QUEUE_CHARS, settings.readLimit());
	}

	Archiving(Archive archive, ArchiveStatus status, Clock clock) {
		this(archive, status, clock, QUEUE_CHARS, READ_LIMIT);
	}

	Archiving(Archive archive, ArchiveStatus status, Clock clock, long queueChars, Duration readLimit) {
		this.readLimit = readLimit;
		this.queueChars = queueChars;
		this.archive = archive;
		this.status = status;
		this.clock = clock;
		this.warnings = new Warnings(LoggerFactory.getLogger(Archiving.class), clock);
		this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE),
				new CustomizableThreadFactory("simboard-archive-"), new ThreadPoolExecutor.AbortPolicy());
	}

	/** A finished run of this batch and agent, from the archive, or empty. */
	Mono<Optional<Run>> run(Id agentId, Id batchId, Id jobId) {
		return read("runs",
				() -> this.archive.findRun(jobId.value())
					.filter((run) -> run.agentId().equals(agentId.value()) && run.batchId().equals(batchId.value()))
					.map((run) -> {
						Run read = SigmaMindJson.run(run.runJson());
						this.readHere.put(read, Boolean.TRUE);
						return read;
					}));
	}

	/**
	 * Whether this run, as the catalog holds it, was read from the archive: only such a
	 * run can have a body kept with it (one fetched from SigmaMind is being archived
	 * now).
	 */
	boolean readHere(Run run) {
		return this.readHere.getIfPresent(run) != null;
	}

	/**
	 * Where the archived run with this job ID, or whose conversation is this chat, is;
	 * empty when the archive does not know it or cannot be read.
	 */
	Optional<RunAddress> locate(Id id) {
		try {
			return this.archive.findRun(id.value())
				.or(() -> this.archive.findRunByChat(id.value()))
				.map((run) -> new RunAddress(Id.of(run.agentId()), Id.of(run.batchId()), Id.of(run.jobId())));
		}
		catch (RuntimeException ex) {
			failed(ex);
			this.warnings.warn("read", "The archive could not be read (quick open): {}", ex.toString());
			return Optional.empty();
		}
	}

	/** A chat an archived run's conversation is in, or empty. */
	Mono<Optional<Chat>> chat(Id chatId) {
		return read("chats",
				() -> this.archive.findRunByChat(chatId.value())
					.filter((run) -> run.chatJson() != null)
					.map((run) -> SigmaMindJson.chat(run.chatJson())));
	}

	/** A finished batch, from the archive, or empty. */
	Mono<Optional<Batch>> batch(Id agentId, Id batchId) {
		return read("batches",
				() -> this.archive.findBatch(batchId.value())
					.filter((batch) -> batch.agentId().equals(agentId.value()))
					.map((batch) -> SigmaMindJson.batch(batch.batchJson())));
	}

	/** All the runs of a finished batch whose runs were all archived, or empty. */
	Mono<Optional<List<Run>>> runs(Id agentId, Id batchId) {
		return read("run lists",
				() -> this.archive.findBatch(batchId.value())
					.filter((batch) -> batch.agentId().equals(agentId.value()) && batch.runsArchived())
					.flatMap((batch) -> {
						List<ArchivedRun> runs = this.archive.runsOfBatch(batchId.value());
						// A list that lost runs (retention) is not the batch's list any
						// more.
						if (runs.size() != batch.runCount()) {
							return Optional.empty();
						}
						List<Run> list = new ArrayList<>(runs.size());
						for (ArchivedRun run : runs) {
							list.add(SigmaMindJson.run(run.runJson()));
						}
						// Newest first, as SigmaMind lists them.
						java.util.Collections.reverse(list);
						return Optional.of(list);
					}));
	}

	/**
	 * The body kept for an archived run, when it was rendered from {@code renderedFrom};
	 * else empty, also when the archive cannot be read in time (then the page renders
	 * it).
	 */
	Optional<RunBody> body(Id jobId, String renderedFrom) {
		return read("rendered bodies", "rendering it afresh", () -> this.archive.findBody(jobId.value(), renderedFrom)
			.map((body) -> new RunBody(body.renderedFrom(), body.html(), body.seal()))).block();
	}

	/**
	 * Keeps a body rendered for a run, in the background, after the writes asked for
	 * before it (the run's own among them); a run not archived gets none.
	 */
	void keep(Id jobId, RunBody body) {
		if (body.html().length() > MAX_JSON) {
			return;
		}
		write("rendered body", body.html().length(), () -> this.archive.saveBody(jobId.value(),
				new RenderedBody(body.renderedFrom(), body.html(), body.seal())));
	}

	/** Claims a background job among replicas: see {@link Archive#claim}. */
	Optional<Archive.JobClaim> claim(String job) {
		return this.archive.claim(job);
	}

	/** Archives a finished run, in the background; anything else is left. */
	void keep(Id agentId, Id batchId, Fetched<Run> run) {
		if (!run.value().finished()) {
			return;
		}
		write("run", run.json().length(), () -> archived(agentId, batchId, run).ifPresent((archived) -> {
			this.archive.saveRun(archived.getKey(), archived.getValue());
			saveWaitingChat(archived.getKey());
		}));
	}

	/**
	 * Archives an ended chat, the conversation of archived runs of the older dialect, in
	 * the background; a chat whose run is not archived yet waits for it.
	 */
	void keep(Fetched<Chat> chat) {
		if (!chat.value().ended() || chat.value().id() == null || chat.json().length() > MAX_JSON) {
			return;
		}
		write("chat", chat.json().length(), () -> {
			if (this.archive.saveChat(chat.value().id(), chat.json(), messages(chat.value().conversation())) == 0) {
				this.waitingChats.put(chat.value().id(), chat);
			}
		});
	}

	/** Archives a finished batch, in the background; its runs come with its run list. */
	void keep(Id agentId, Fetched<Batch> batch) {
		Batch value = batch.value();
		if (!value.finished() || batch.json().length() > MAX_JSON || !agentId.value().equals(agentIdOf(value))) {
			return;
		}
		write("batch", batch.json().length(), () -> this.archive.saveBatch(new ArchivedBatch(value.id(),
				agentId.value(), value.created(), null, value.total(), false, this.clock.instant(), batch.json())));
	}

	/**
	 * Archives the runs of a finished batch, in the background, once all of them are
	 * finished; then its page costs SigmaMind nothing again. Runs archived before are
	 * skipped.
	 */
	void keep(Id agentId, Id batchId, List<Fetched<Run>> runs) {
		long chars = runs.stream().mapToLong((run) -> run.json().length()).sum();
		write("run list", chars, () -> {
			Set<String> known = this.archive.archivedJobIds(batchId.value());
			List<Map.Entry<ArchivedRun, List<SearchText>>> archived = new ArrayList<>(runs.size());
			int fit = 0;
			for (Fetched<Run> run : runs) {
				Optional<Map.Entry<ArchivedRun, List<SearchText>>> entry = archived(agentId, batchId, run);
				fit += entry.isPresent() ? 1 : 0;
				entry.filter((kept) -> !known.contains(kept.getKey().jobId())).ifPresent(archived::add);
			}
			this.archive.saveRuns(archived);
			archived.forEach((run) -> saveWaitingChat(run.getKey()));
			if (fit == runs.size()) {
				this.archive.markRunsArchived(batchId.value(), runs.size());
			}
		});
	}

	/**
	 * Drops what is past {@code cutoff} on the writer, so no write of a batch is torn.
	 */
	Dropped drop(Instant cutoff) throws InterruptedException, ExecutionException {
		return this.writer.submit(() -> this.archive.dropUnpinnedOlderThan(cutoff)).get();
	}

	private void saveWaitingChat(ArchivedRun run) {
		Fetched<Chat> chat = (run.chatId() != null) ? this.waitingChats.remove(run.chatId()) : null;
		if (chat != null) {
			this.archive.saveChat(chat.value().id(), chat.json(), messages(chat.value().conversation()));
		}
	}

	/** The archive's figures, or why they cannot be had. */
	ArchiveFigures figures() {
		try {
			ArchiveStats stats = this.archive.stats();
			return new ArchiveFigures(stats.database(), stats.sizeBytes(), stats.runs(), stats.batches(), stats.pins(),
					stats.oldest(), backlog(), null);
		}
		catch (RuntimeException ex) {
			failed(ex);
			this.warnings.warn("read", "The archive could not be read (figures): {}", ex.toString());
			return new ArchiveFigures("unknown", null, 0, 0, 0, null, backlog(),
					"The archive's database does not answer; pages read SigmaMind meanwhile.");
		}
	}

	/** Whether the archive failed lately. */
	boolean troubled() {
		return this.status.troubled();
	}

	/** Counts a failure as the database's when it is one (not a bad row, say). */
	private void failed(RuntimeException ex) {
		if (ex instanceof DataAccessResourceFailureException || ex instanceof TransientDataAccessException
				|| ex instanceof CannotCreateTransactionException || ex instanceof QueryTimeoutException) {
			this.status.failed();
		}
	}

	/** Writes asked for and not yet done. */
	int backlog() {
		return this.writer.getQueue().size() + this.writer.getActiveCount();
	}

	/**
	 * Waits until the writes asked for before this call are done (stored, or dropped with
	 * a WARN line): they go one at a time, in order.
	 * @return whether they are; {@code false} when the queue is full or the wait ran out
	 */
	boolean drain(Duration timeout) throws InterruptedException {
		FutureTask<Void> mark = new FutureTask<>(() -> {
		}, null);
		try {
			this.writer.execute(mark);
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
		try {
			mark.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
	}

	@PreDestroy
	void close() throws InterruptedException {
		this.writer.shutdown();
		this.writer.awaitTermination(10, TimeUnit.SECONDS);
	}

	private static String agentIdOf(Batch batch) {
		return (batch.agent() != null) ? batch.agent().id() : null;
	}

	/**
	 * The run as the archive keeps it, with what search reads; empty when it is not fit
	 * to keep (too large, or IDs the archive refuses).
	 */
	private Optional<Map.Entry<ArchivedRun, List<SearchText>>> archived(Id agentId, Id batchId, Fetched<Run> fetched) {
		Run run = fetched.value();
		if (fetched.json().length() > MAX_JSON) {
			return Optional.empty();
		}
		// Filed under SigmaMind's own IDs: a run asked for under another address is not
		// archived there.
		if ((run.batchId() != null && !run.batchId().equals(batchId.value()))
				|| (run.agent() != null && run.agent().id() != null && !run.agent().id().equals(agentId.value()))) {
			return Optional.empty();
		}
		try {
			String testCaseId = (run.testCase() != null && Id.valid(run.testCase().id())) ? run.testCase().id() : null;
			String label = (run.testCase() != null) ? run.testCase().label() : null;
			ArchivedRun archived = new ArchivedRun(run.jobId(), agentId.value(), batchId.value(),
					Id.valid(run.chatId()) ? run.chatId() : null, testCaseId, label, run.verdict(), run.created(),
					run.completed(), this.clock.instant(), fetched.json(), null);
			List<SearchText> texts = new ArrayList<>(messages(run.conversation()));
			if (run.remarks() != null) {
				texts.add(SearchText.remarks(run.remarks()));
			}
			if (label != null) {
				texts.add(SearchText.label(label));
			}
			if (run.testCase() != null && run.testCase().successCriteria() != null) {
				texts.add(SearchText.criteria(run.testCase().successCriteria()));
			}
			return Optional.of(new AbstractMap.SimpleImmutableEntry<>(archived, texts));
		}
		catch (IllegalArgumentException ex) {
			this.warnings.warn("unfit", "Not archived: a run SigmaMind sent ({})", ex.getMessage());
			return Optional.empty();
		}
	}

	private static List<SearchText> messages(Conversation conversation) {
		List<SearchText> texts = new ArrayList<>(conversation.messages().size());
		int number = 1;
		for (Message message : conversation.messages()) {
			texts.add(SearchText.message(number++, message.role(), message.text()));
		}
		return texts;
	}

	private <T> Mono<Optional<T>> read(String what, Supplier<Optional<T>> read) {
		return read(what, "asking SigmaMind", read);
	}

	/**
	 * @param instead what is done without the archive's answer, for the WARN line
	 */
	private <T> Mono<Optional<T>> read(String what, String instead, Supplier<Optional<T>> read) {
		if (!mayRead()) {
			// Failing lately: pages go to SigmaMind, with a trial read now and then.
			return Mono.just(Optional.empty());
		}
		return Mono.fromCallable(() -> {
			try {
				return read.get();
			}
			catch (RuntimeException ex) {
				failed(ex);
				this.warnings.warn("read", "The archive could not be read ({}); {}: {}", what, instead, ex.toString());
				return Optional.<T>empty();
			}
		})
			.subscribeOn(Schedulers.boundedElastic())
			// A database that hangs must not hold the page: SigmaMind is asked instead.
			.timeout(this.readLimit, Mono.fromSupplier(() -> {
				failed(new QueryTimeoutException("no answer within " + this.readLimit.toMillis() + " ms"));
				this.warnings.warn("slow", "The archive did not answer within {} ms ({}); {}",
						this.readLimit.toMillis(), what, instead);
				return Optional.<T>empty();
			}));
	}

	/**
	 * Whether to read the archive now: always while it works, else once every few
	 * seconds.
	 */
	private boolean mayRead() {
		if (!this.status.troubled()) {
			return true;
		}
		Instant now = this.clock.instant();
		Instant next = this.nextTrial;
		if (next != null && now.isBefore(next)) {
			return false;
		}
		this.nextTrial = now.plus(TRIAL_EVERY);
		return true;
	}

	/** Writes in the background, unless the writes waiting are too many or too large. */
	private void write(String what, long chars, Runnable write) {
		long before = this.queuedChars.getAndAdd(chars);
		if (before > 0 && before + chars > this.queueChars) {
			this.queuedChars.addAndGet(-chars);
			this.warnings.warn("full", "The archive is behind; a {} was not archived this time", what);
			return;
		}
		try {
			this.writer.execute(() -> {
				try {
					write.run();
				}
				catch (RuntimeException ex) {
					failed(ex);
					this.warnings.warn("write", "The archive could not keep a {}: {}", what, ex.toString());
				}
				finally {
					this.queuedChars.addAndGet(-chars);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.queuedChars.addAndGet(-chars);
			this.warnings.warn("full", "The archive is behind; a {} was not archived this time", what);
		}
	}

}
