package dev.simboard.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class DemoApiLatencyTests {

	private static final byte[] BIG_BODY = "x".repeat(256 * 1024).getBytes(StandardCharsets.US_ASCII);

	@Test
	void remainingWhenWorkTookPartOfItThenOnlyTheRestIsWaited() {
		DemoApiLatency latency = new DemoApiLatency(Duration.ofMillis(300));
		long arrival = 1_000_000_000L;
		assertThat(latency.remaining(arrival, arrival)).isEqualTo(Duration.ofMillis(300));
		assertThat(latency.remaining(arrival, arrival + Duration.ofMillis(120).toNanos()))
			.isEqualTo(Duration.ofMillis(180));
		assertThat(latency.remaining(arrival, arrival + Duration.ofMillis(450).toNanos())).isZero();
	}

	@Test
	void doFilterWhenBigBodyFlushedThenNothingReachesTheClientBeforeTheLatency() throws Exception {
		MockHttpServletResponse client = new MockHttpServletResponse();
		AtomicReference<String> seenDuringTheChain = new AtomicReference<>();
		FilterChain chain = (request, response) -> {
			response.setContentType("application/json");
			response.getOutputStream().write(BIG_BODY);
			response.flushBuffer();
			seenDuringTheChain.set(client.isCommitted() + " " + client.getContentAsByteArray().length);
		};
		long started = System.nanoTime();
		new DemoApiLatency(Duration.ofMillis(300)).doFilter(new MockHttpServletRequest(), client, chain);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(seenDuringTheChain).hasValue("false 0");
		assertThat(client.getContentAsByteArray()).isEqualTo(BIG_BODY);
		assertThat(client.getContentType()).isEqualTo("application/json");
		assertThat(client.getContentLength()).isEqualTo(BIG_BODY.length);
	}

	@Test
	void doFilterWhenNoLatencyThenPassesTheResponseStraightThrough() throws Exception {
		MockHttpServletResponse client = new MockHttpServletResponse();
		AtomicReference<ServletResponse> passed = new AtomicReference<>();
		new DemoApiLatency(Duration.ZERO).doFilter(new MockHttpServletRequest(), client,
				(request, response) -> passed.set(response));
		assertThat(passed).hasValue(client);
	}

	@Test
	void doFilterWhenInterruptedThenAnswersAtOnceAndKeepsTheInterrupt() throws Exception {
		MockHttpServletResponse client = new MockHttpServletResponse();
		FilterChain chain = (request, response) -> response.getOutputStream().write(BIG_BODY);
		Thread.currentThread().interrupt();
		try {
			new DemoApiLatency(Duration.ofSeconds(60)).doFilter(new MockHttpServletRequest(), client, chain);
		}
		finally {
			// Clears the flag too, so that it cannot leak into other tests.
			assertThat(Thread.interrupted()).isTrue();
		}
		assertThat(client.getContentAsByteArray()).isEqualTo(BIG_BODY);
	}

}
