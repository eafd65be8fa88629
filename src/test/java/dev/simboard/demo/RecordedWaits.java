package dev.simboard.demo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time for the demo API's latency filter that moves only when told: a wait is recorded
 * and passes at once, so tests check how long the filter waits without waiting.
 */
final class RecordedWaits {

	final AtomicLong now = new AtomicLong(1_000_000_000L);

	final List<Duration> waits = new CopyOnWriteArrayList<>();

	/** Runs just before each wait, to look at what the client has seen by then. */
	private volatile Runnable beforeEachWait = () -> {
	};

	DemoApiLatency filter(Duration latency) {
		return new DemoApiLatency(latency, this.now::get, (wait) -> {
			this.beforeEachWait.run();
			this.waits.add(wait);
			this.now.addAndGet(wait.toNanos());
		});
	}

	void beforeEachWait(Runnable check) {
		this.beforeEachWait = check;
	}

	/** As if the work in between took this long. */
	void pass(Duration work) {
		this.now.addAndGet(work.toNanos());
	}

}
