package dev.simboard;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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

	/** WireMock journals a request only once it is answered; this counts arrivals. */
	private final AtomicInteger arrived = new AtomicInteger();

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		this.arrived.incrementAndGet();
		try {
			this.gate.await(LIMIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return serveEvent.getResponseDefinition();
	}

	/** Requests that have reached a held stub so far, answered or not. */
	public int arrived() {
		return this.arrived.get();
	}

	/** Lets every held answer go, and those that come later too. */
	public void release() {
		this.gate.countDown();
	}

	/** Holds answers again from now on. */
	public void hold() {
		this.gate = new CountDownLatch(1);
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
