package dev.simboard.demo;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

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

	DemoApiLatency(Duration latency) {
		this.latency = latency;
	}

	// With no latency, answers pass straight through: no buffer, no wait.
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.latency.compareTo(Duration.ZERO) <= 0;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long arrival = System.nanoTime();
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
		Duration remaining = remaining(arrival, System.nanoTime());
		if (remaining.isZero()) {
			return;
		}
		try {
			TimeUnit.NANOSECONDS.sleep(remaining.toNanos());
		}
		catch (InterruptedException ex) {
			// Shutting down: answer at once and let the container see the interrupt.
			Thread.currentThread().interrupt();
		}
	}

}
