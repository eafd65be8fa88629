package dev.simboard;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock extension that holds every answer of a stub marked with
 * {@code withTransformers(HeldAnswers.NAME)} until the test releases them: a SigmaMind
 * that is slow for exactly as long as the test needs, whatever the machine's speed, so
 * that concurrency tests coordinate instead of guessing at delays.
 */
public final class HeldAnswers implements ResponseDefinitionTransformerV2 {

	public static final String NAME = "held";

	/** However busy the machine, a test ends: a held answer is let go after this. */
	private static final long LIMIT_SECONDS = 120;

	private volatile CountDownLatch gate = new CountDownLatch(1);

	/** WireMock journals a request only once it is answered; this keeps arrivals. */
	private final List<String> arrived = new CopyOnWriteArrayList<>();

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		this.arrived.add(serveEvent.getRequest().getUrl());
		try {
			this.gate.await(LIMIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return serveEvent.getResponseDefinition();
	}

	/** Requests that have reached a held stub since {@link #hold}, answered or not. */
	public int arrived() {
		return this.arrived.size();
	}

	/** The addresses (path and query) of those requests, in the order they came. */
	public List<String> arrivedUrls() {
		return List.copyOf(this.arrived);
	}

	/** Lets every held answer go, and those that come later too. */
	public void release() {
		this.gate.countDown();
	}

	/**
	 * Holds answers again from now on, and counts arrivals afresh; answers still held
	 * from before are let go.
	 */
	public void hold() {
		CountDownLatch previous = this.gate;
		this.gate = new CountDownLatch(1);
		previous.countDown();
		this.arrived.clear();
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	@Override
	public String getName() {
		return NAME;
	}

}
