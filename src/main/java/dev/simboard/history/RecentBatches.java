package dev.simboard.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.simboard.catalog.AgentBatches;
import dev.simboard.catalog.BatchRuns;
import dev.simboard.catalog.Catalog;
import dev.simboard.catalog.Fresh;
import dev.simboard.catalog.Staleness;
import dev.simboard.model.Agent;
import dev.simboard.model.Batch;
import dev.simboard.model.Id;
import dev.simboard.model.Page;
import dev.simboard.review.Reviews;
import dev.simboard.sigmamind.SigmaMindException;
import dev.simboard.web.Formats;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Reads an agent's most recent batch runs and their runs through the catalog, so a cold
 * window of N batches costs one list call per 20 batches and one run list per batch, and
 * a warm one costs nothing.
 */
@Component
class RecentBatches implements DisposableBean {

	/**
	 * Batches whose runs are read at once, over all history pages: few enough that the
	 * SigmaMind bulkhead keeps room for the other pages.
	 */
	static final int PARALLEL_BATCHES = 2;

	private final Catalog catalog;

	private final Reviews reviews;

	private final ExecutorService executor = Executors.newFixedThreadPool(PARALLEL_BATCHES,
			daemon("simboard-history-"));

	RecentBatches(Catalog catalog, Reviews reviews) {
		this.catalog = catalog;
		this.reviews = reviews;
	}

	/**
	 * The agent's {@code count} most recent batch runs, oldest first. A batch whose runs
	 * SigmaMind does not give just now stays in the window, marked as not listed.
	 */
	HistoryWindow window(Id agentId, int count) {
		List<Fresh<?>> parts = Collections.synchronizedList(new ArrayList<>());
		Map<Id, Batch> newestFirst = new LinkedHashMap<>();
		Agent agent = null;
		int lastPage = count / Catalog.BATCH_PAGE_SIZE + 1;
		for (int page = 0; page <= lastPage && newestFirst.size() < count; page++) {
			AgentBatches found = this.catalog.agentBatches(agentId, page);
			agent = found.agent().value();
			parts.add(found.agent());
			parts.add(found.batches());
			Page<Batch> batches = found.batches().value();
			for (Batch batch : batches.items()) {
				Optional<Id> batchId = Id.parse(batch.id());
				if (newestFirst.size() < count && batchId.isPresent()) {
					newestFirst.putIfAbsent(batchId.get(), batch);
				}
			}
			if (!batches.more() || batches.items().isEmpty()) {
				break;
			}
		}
		List<CompletableFuture<BatchEntry>> loads = new ArrayList<>();
		newestFirst.forEach((batchId, batch) -> loads
			.add(CompletableFuture.supplyAsync(() -> entry(agentId, batchId, batch, parts), this.executor)));
		List<BatchEntry> entries = new ArrayList<>(loads.stream().map(RecentBatches::join).toList());
		Collections.reverse(entries);
		return new HistoryWindow(Formats.agentName(agent, agentId.value()), List.copyOf(entries),
				Staleness.of(parts.toArray(Fresh<?>[]::new)));
	}

	private BatchEntry entry(Id agentId, Id batchId, Batch listed, List<Fresh<?>> parts) {
		try {
			BatchRuns found = this.catalog.batchRuns(agentId, batchId);
			parts.add(found.batch());
			parts.add(found.runs());
			return new BatchEntry(found.batch().value(), found.runs().value(), this.reviews.ofBatch(batchId));
		}
		catch (SigmaMindException ex) {
			return new BatchEntry(listed, null, Map.of());
		}
	}

	private static BatchEntry join(CompletableFuture<BatchEntry> load) {
		try {
			return load.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	private static CustomizableThreadFactory daemon(String prefix) {
		CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix);
		factory.setDaemon(true);
		return factory;
	}

}
