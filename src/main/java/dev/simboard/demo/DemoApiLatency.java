package dev.simboard.demo;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Holds back every answer of the demo API, errors included, until
 * {@code simboard.demo.latency} has passed since the request arrived here, so that the
 * demo plays a SigmaMind that answers in a steady time with its own work, writing the
 * JSON included, counted inside it. The whole answer is buffered and sent only after the
 * wait: waiting before the body is written would leave its serialization outside the
 * latency, and waiting after it without a buffer would come too late, as a large body is
 * already on its way to the client by then.
 */
final class DemoApiLatency extends OncePerRequestFilter {

	private final Duration latency;

	private final LongSupplier nanoTime;

	private final Waiter waiter;

	DemoApiLatency(Duration latency) {
		this(latency, System::nanoTime, (wait) -> TimeUnit.NANOSECONDS.sleep(wait.toNanos()));
	}

	/** With a ticker and a waiter of a test's, so that no test waits in real time. */
	DemoApiLatency(Duration latency, LongSupplier nanoTime, Waiter waiter) {
		this.latency = latency;
		this.nanoTime = nanoTime;
		this.waiter = waiter;
	}

	Duration latency() {
		return this.latency;
	}

	// With no latency, answers pass straight through: no buffer, no wait.
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.latency.compareTo(Duration.ZERO) <= 0;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long arrival = this.nanoTime.getAsLong();
		// Status and headers go straight to the response; only the body waits here.
		ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, buffered);
		}
		finally {
			// A failure, whose error page the container writes after this, waits too.
			waitUntilDue(arrival);
		}
		buffered.copyBodyToResponse();
	}

	/** What is left of the latency at {@code now}, both {@link System#nanoTime()}. */
	Duration remaining(long arrival, long now) {
		Duration remaining = this.latency.minusNanos(now - arrival);
		return remaining.isNegative() ? Duration.ZERO : remaining;
	}

	private void waitUntilDue(long arrival) {
		Duration remaining = remaining(arrival, this.nanoTime.getAsLong());
		if (remaining.isZero()) {
			return;
		}
		try {
			this.waiter.waitFor(remaining);
		}
		catch (InterruptedException ex) {
			// Shutting down: answer at once and let the container see the interrupt.
			Thread.currentThread().interrupt();
		}
	}

	/** Waits for a while; the real one sleeps. */
	@FunctionalInterface
	interface Waiter {

		void waitFor(Duration wait) throws InterruptedException;

	}

}
