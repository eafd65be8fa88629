package dev.simboard.catalog;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.simboard.archive.Archive;
import dev.simboard.archive.Pin;
import dev.simboard.logging.Warnings;
import dev.simboard.model.Batch;
import dev.simboard.model.Conversation;
import dev.simboard.model.Id;
import dev.simboard.model.Run;
import dev.simboard.sigmamind.SigmaMindClient;
import dev.simboard.sigmamind.SigmaMindException;
import dev.simboard.sigmamind.SigmaMindNotFoundException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Archives every run of each pinned batch, with its conversation, in the background on
 * one thread of its own, and records how far it has come on the pin.
 * <p>
 * A pass over a pin reads the batch's run list through the catalog, which archives a
 * finished batch's complete list as it loads it (a list the catalog had already is
 * archived already). Once the archive's writer has caught up, any run still missing (its
 * write dropped or failed) is fetched alone, and so is the chat of each run of the older
 * dialect whose conversation is there, never more than {@link #IN_FLIGHT} calls at once,
 * so that pages keep their share of the client's bulkhead. The pin's progress is written
 * once the runs are in and after every {@link #GROUP} fetches; when every run is archived
 * with its conversation, so is the batch, its run list is marked whole, and the pin is
 * done.
 * <p>
 * A pass that cannot finish (the batch still runs, SigmaMind fails or is busy, the
 * archive does not answer) leaves the pin archiving, and another pass follows
 * {@link #RETRY} later. The state is the archive's alone, so after a restart, however
 * abrupt, the first pass (when the application is ready) resumes every pin still
 * archiving, skipping what is archived already.
 */
@Component
class PinArchiver {

	/** Calls to SigmaMind in flight at once for pinned batches. */
	static final int IN_FLIGHT = 2;

	/** Runs or chats fetched between two progress records. */
	static final int GROUP = 20;

	/** How long after a pass that left work to do the next one starts. */
	static final Duration RETRY = Duration.ofSeconds(30);

	/** Longest wait for the archive's writer to catch up. */
	private static final Duration DRAIN = Duration.ofMinutes(1);

	private final Catalog catalog;

	private final SigmaMindClient client;

	private final Archiving archiving;

	private final Archive archive;

	private final Duration retry;

	private final Warnings warnings;

	private final ScheduledExecutorService worker;

	/** Whether a pass is asked for and not yet begun. */
	private final AtomicBoolean asked = new AtomicBoolean();

	/**
	 * Runs SigmaMind lists but no longer has: nothing to archive for them (the worker's
	 * own; after a restart they are asked for once more).
	 */
	private final Set<String> lostRuns = new HashSet<>();

	/** Chats SigmaMind no longer has, or that never ended: likewise. */
	private final Set<String> lostChats = new HashSet<>();

	/** The pass that follows one that left work to do (the worker's own). */
	private ScheduledFuture<?> next;

	/** The background job's name among replicas. */
	static final String JOB = "pins";

	@Autowired
	PinArchiver(Catalog catalog, SigmaMindClient client, Archiving archiving, Archive archive, Clock clock) {
		this(catalog, client, archiving, archive, clock, RETRY);
	}

	PinArchiver(Catalog catalog, SigmaMindClient client, Archiving archiving, Archive archive, Clock clock,
			Duration retry) {
		this.catalog = catalog;
		this.client = client;
		this.archiving = archiving;
		this.archive = archive;
		this.retry = retry;
		this.warnings = new Warnings(LoggerFactory.getLogger(PinArchiver.class), clock);
		this.worker = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("simboard-pins-"));
	}

	/** Resumes, once Simboard serves pages, what archiving an earlier run left. */
	@EventListener(ApplicationReadyEvent.class)
	void resume() {
		wake();
	}

	/**
	 * Asks for a pass over every pin still archiving, unless one is asked for already.
	 */
	void wake() {
		if (this.asked.compareAndSet(false, true)) {
			try {
				this.worker.execute(this::pass);
			}
			catch (RejectedExecutionException ex) {
				// Shutting down: the next start resumes.
				this.asked.set(false);
			}
		}
	}

	@PreDestroy
	void close() throws InterruptedException {
		// A fetch under way is let go; what it had archived stays, and the next start
		// resumes the rest.
		this.worker.shutdownNow();
		this.worker.awaitTermination(10, TimeUnit.SECONDS);
	}

	private void pass() {
		this.asked.set(false);
		boolean undone = false;
		// One replica at a time; the others look again later, and take over if it stops.
		try (Archive.JobClaim claim = this.archive.claim(JOB).orElse(null)) {
			if (claim == null) {
				undone = true;
			}
			else {
				for (Pin pin : this.archive.pinsArchiving()) {
					undone |= !archive(pin);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		catch (RuntimeException ex) {
			if (Thread.currentThread().isInterrupted()) {
				// Stopping: a database call was cut short, nothing went wrong.
				return;
			}
			this.warnings.warn("archive", "Archiving pinned batches stopped for now: {}", ex.toString());
			undone = true;
		}
		if (Thread.currentThread().isInterrupted()) {
			return;
		}
		if (this.next != null) {
			this.next.cancel(false);
		}
		try {
			this.next = undone ? this.worker.schedule(this::wake, this.retry.toMillis(), TimeUnit.MILLISECONDS) : null;
		}
		catch (RejectedExecutionException ex) {
			// Stopping: the next start resumes.
		}
	}

	/**
	 * One pass over a pinned batch.
	 * @return whether nothing is left to do for it: done, unpinned, or nothing more to be
	 * had
	 */
	private boolean archive(Pin pin) throws InterruptedException {
		Id agentId = Id.of(pin.agentId());
		Id batchId = Id.of(pin.batchId());
		BatchRuns found;
		try {
			found = this.catalog.batchRuns(agentId, batchId);
		}
		catch (SigmaMindNotFoundException ex) {
			// Neither SigmaMind nor the archive has it whole: what is archived stays.
			int archived = this.archive.archivedJobIds(batchId.value()).size();
			return done(pin, Math.max(pin.runsKnown(), archived), archived);
		}
		catch (SigmaMindException ex) {
			interrupted();
			return false;
		}
		Batch batch = found.batch().value();
		RunList list = found.runs().value();
		if (!list.listed()) {
			// SigmaMind lists no runs of it: those opened one by one are what is kept.
			int archived = this.archive.archivedJobIds(batchId.value()).size();
			return done(pin, Math.max(batch.total(), archived), archived);
		}
		List<Run> runs = list.runs().stream().filter((run) -> Id.valid(run.jobId())).toList();
		if (!list.finished()) {
			// Still running: its runs are archived once it has finished.
			return !progress(pin, Math.max(batch.total(), runs.size()), archived(batchId, runs), Pin.State.ARCHIVING);
		}
		if (!this.archiving.drain(DRAIN)) {
			return false;
		}
		Set<String> jobs = this.archive.archivedJobIds(batchId.value());
		List<Run> missing = runs.stream()
			.filter((run) -> !jobs.contains(run.jobId()) && !this.lostRuns.contains(run.jobId()))
			.toList();
		if (!fetch(pin, runs, missing, (run) -> fetchRun(agentId, batchId, run))
				|| !progress(pin, runs.size(), archived(batchId, runs), Pin.State.ARCHIVING)
				|| !fetch(pin, runs, chatsMissing(batchId, runs), this::fetchChat)) {
			interrupted();
			return this.archive.findPin(pin.batchId()).isEmpty();
		}
		int archived = archived(batchId, runs);
		if (archived + lost(batchId, runs) < runs.size() || !keepBatch(agentId, batchId)) {
			progress(pin, runs.size(), archived, Pin.State.ARCHIVING);
			return false;
		}
		this.archive.markRunsArchived(batchId.value(), runs.size());
		return done(pin, runs.size(), archived);
	}

	/**
	 * Fetches what is missing, {@link #IN_FLIGHT} at a time, and records the progress
	 * after every group.
	 * @return whether every call went through and the batch is still pinned
	 */
	private <T> boolean fetch(Pin pin, List<Run> runs, List<T> missing, Function<T, Mono<?>> call)
			throws InterruptedException {
		Id batchId = Id.of(pin.batchId());
		for (int from = 0; from < missing.size(); from += GROUP) {
			List<T> group = missing.subList(from, Math.min(from + GROUP, missing.size()));
			AtomicBoolean failed = new AtomicBoolean();
			block(Flux.fromIterable(group)
				.flatMap((item) -> call.apply(item).onErrorResume(SigmaMindException.class, (ex) -> {
					failed.set(true);
					return Mono.empty();
				}), IN_FLIGHT)
				.then());
			if (!this.archiving.drain(DRAIN)
					|| !progress(pin, runs.size(), archived(batchId, runs), Pin.State.ARCHIVING) || failed.get()) {
				return false;
			}
		}
		return true;
	}

	/** A run whose archiving was dropped or failed, fetched alone and archived. */
	private Mono<?> fetchRun(Id agentId, Id batchId, Run run) {
		return this.client.testRun(agentId, batchId, Id.of(run.jobId()))
			.doOnNext((fetched) -> this.archiving.keep(agentId, batchId, fetched))
			.onErrorResume(SigmaMindNotFoundException.class, (ex) -> {
				this.lostRuns.add(run.jobId());
				return Mono.empty();
			});
	}

	/** The chat of archived runs of the older dialect, fetched and archived with them. */
	private Mono<?> fetchChat(String chatId) {
		return this.client.chat(Id.of(chatId)).doOnNext((chat) -> {
			if (!chat.value().ended()) {
				this.lostChats.add(chatId);
			}
			this.archiving.keep(chat);
		}).onErrorResume(SigmaMindNotFoundException.class, (ex) -> {
			this.lostChats.add(chatId);
			return Mono.empty();
		});
	}

	/** The chats of the archived runs that need one and have none yet. */
	private List<String> chatsMissing(Id batchId, List<Run> runs) {
		Set<String> jobs = this.archive.archivedJobIds(batchId.value());
		Set<String> withChat = this.archive.jobIdsWithChat(batchId.value());
		Set<String> chats = new LinkedHashSet<>();
		for (Run run : runs) {
			if (needsChat(run) && jobs.contains(run.jobId()) && !withChat.contains(run.jobId())
					&& !this.lostChats.contains(run.chatId())) {
				chats.add(run.chatId());
			}
		}
		return new ArrayList<>(chats);
	}

	/**
	 * Archives the batch itself when it is not yet, so its page can be read from here.
	 */
	private boolean keepBatch(Id agentId, Id batchId) throws InterruptedException {
		if (this.archive.findBatch(batchId.value()).isPresent()) {
			return true;
		}
		try {
			block(this.client.batchRun(agentId, batchId).doOnNext((batch) -> this.archiving.keep(agentId, batch)));
		}
		catch (SigmaMindNotFoundException ex) {
			// No longer SigmaMind's to give: its runs are what is kept.
			return true;
		}
		catch (SigmaMindException ex) {
			return false;
		}
		return this.archiving.drain(DRAIN) && this.archive.findBatch(batchId.value()).isPresent();
	}

	/** How many of these runs are archived with their conversation. */
	private int archived(Id batchId, List<Run> runs) {
		Set<String> jobs = this.archive.archivedJobIds(batchId.value());
		Set<String> withChat = this.archive.jobIdsWithChat(batchId.value());
		return (int) runs.stream()
			.filter((run) -> jobs.contains(run.jobId()) && (!needsChat(run) || withChat.contains(run.jobId())))
			.count();
	}

	/**
	 * How many of these runs are not archived whole, and cannot be: SigmaMind no longer
	 * has them or their chat.
	 */
	private int lost(Id batchId, List<Run> runs) {
		Set<String> withChat = this.archive.jobIdsWithChat(batchId.value());
		return (int) runs.stream()
			.filter((run) -> this.lostRuns.contains(run.jobId())
					|| (needsChat(run) && this.lostChats.contains(run.chatId()) && !withChat.contains(run.jobId())))
			.count();
	}

	/** A run of the older dialect: its conversation is in its chat. */
	private static boolean needsChat(Run run) {
		return run.conversation().source() != Conversation.Source.RUN && Id.valid(run.chatId());
	}

	/**
	 * @return whether the batch is still pinned
	 */
	private boolean progress(Pin pin, int known, int archived, Pin.State state) {
		return this.archive.updatePinProgress(pin.batchId(), known, archived, state);
	}

	private boolean done(Pin pin, int known, int archived) {
		progress(pin, known, archived, Pin.State.ARCHIVED);
		return true;
	}

	private static void interrupted() throws InterruptedException {
		if (Thread.currentThread().isInterrupted()) {
			throw new InterruptedException();
		}
	}

	/** Waits for the calls; an interrupt (Simboard stopping) cancels them. */
	private static void block(Mono<?> calls) throws InterruptedException {
		try {
			calls.block();
		}
		catch (RuntimeException ex) {
			if (Exceptions.unwrap(ex) instanceof InterruptedException) {
				throw new InterruptedException();
			}
			throw ex;
		}
	}

}
