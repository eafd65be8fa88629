package dev.simboard.catalog;

import java.time.Clock;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.simboard.archive.Archive;
import dev.simboard.archive.ArchivedBatch;
import dev.simboard.archive.ArchivedRun;
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

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
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

	/** A body larger than this, in characters, is not archived. */
	static final int MAX_JSON = 8 * 1024 * 1024;

	private final Archive archive;

	private final Clock clock;

	private final Warnings warnings;

	private final ThreadPoolExecutor writer;

	Archiving(Archive archive, Clock clock) {
		this.archive = archive;
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
					.map((run) -> SigmaMindJson.run(run.runJson())));
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
					.map((batch) -> this.archive.runsOfBatch(batchId.value())
						.stream()
						.map((run) -> SigmaMindJson.run(run.runJson()))
						.toList()));
	}

	/** Archives a finished run, in the background; anything else is left. */
	void keep(Id agentId, Id batchId, Fetched<Run> run) {
		if (!run.value().finished()) {
			return;
		}
		write("run", () -> archived(agentId, batchId, run)
			.ifPresent((archived) -> this.archive.saveRun(archived.getKey(), archived.getValue())));
	}

	/**
	 * Archives an ended chat, the conversation of archived runs of the older dialect, in
	 * the background.
	 */
	void keep(Fetched<Chat> chat) {
		if (!chat.value().ended() || chat.value().id() == null || chat.json().length() > MAX_JSON) {
			return;
		}
		write("chat",
				() -> this.archive.saveChat(chat.value().id(), chat.json(), messages(chat.value().conversation())));
	}

	/** Archives a finished batch, in the background; its runs come with its run list. */
	void keep(Id agentId, Fetched<Batch> batch) {
		Batch value = batch.value();
		if (!value.finished() || batch.json().length() > MAX_JSON) {
			return;
		}
		write("batch", () -> this.archive.saveBatch(new ArchivedBatch(value.id(), agentId.value(), value.created(),
				null, value.total(), false, this.clock.instant(), batch.json())));
	}

	/**
	 * Archives the runs of a finished batch, in the background, once all of them are
	 * finished; then its page costs SigmaMind nothing again.
	 */
	void keep(Id agentId, Id batchId, List<Fetched<Run>> runs) {
		write("run list", () -> {
			List<Map.Entry<ArchivedRun, List<SearchText>>> archived = new ArrayList<>(runs.size());
			for (Fetched<Run> run : runs) {
				archived(agentId, batchId, run).ifPresent(archived::add);
			}
			this.archive.saveRuns(archived);
			if (archived.size() == runs.size()) {
				this.archive.markRunsArchived(batchId.value(), runs.size());
			}
		});
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

	/**
	 * The run as the archive keeps it, with what search reads; empty when it is not fit
	 * to keep (too large, or IDs the archive refuses).
	 */
	private Optional<Map.Entry<ArchivedRun, List<SearchText>>> archived(Id agentId, Id batchId, Fetched<Run> fetched) {
		Run run = fetched.value();
		if (fetched.json().length() > MAX_JSON) {
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
			this.warnings.warn("unfit", "Not archived: run {} ({})", run.jobId(), ex.getMessage());
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
		return Mono.fromCallable(() -> {
			try {
				return read.get();
			}
			catch (RuntimeException ex) {
				this.warnings.warn("read", "The archive could not be read ({}); asking SigmaMind: {}", what,
						ex.toString());
				return Optional.<T>empty();
			}
		}).subscribeOn(Schedulers.boundedElastic());
	}

	private void write(String what, Runnable write) {
		try {
			this.writer.execute(() -> {
				try {
					write.run();
				}
				catch (RuntimeException ex) {
					this.warnings.warn("write", "The archive could not keep a {}: {}", what, ex.toString());
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.warnings.warn("full", "The archive is behind; a {} was not archived this time", what);
		}
	}

}
