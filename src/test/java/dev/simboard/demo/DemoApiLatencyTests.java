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
		RecordedWaits time = new RecordedWaits();
		AtomicReference<String> seenAtTheWait = new AtomicReference<>();
		time.beforeEachWait(
				() -> seenAtTheWait.set(client.isCommitted() + " " + client.getContentAsByteArray().length));
		FilterChain chain = (request, response) -> {
			response.setContentType("application/json");
			response.getOutputStream().write(BIG_BODY);
			response.flushBuffer();
			time.pass(Duration.ofMillis(120));
		};
		time.filter(Duration.ofMillis(300)).doFilter(new MockHttpServletRequest(), client, chain);
		// The work took 120 ms of the 300, so the rest is waited, before anything is
		// sent.
		assertThat(time.waits).containsExactly(Duration.ofMillis(180));
		assertThat(seenAtTheWait).hasValue("false 0");
		assertThat(client.getContentAsByteArray()).isEqualTo(BIG_BODY);
		assertThat(client.getContentType()).isEqualTo("application/json");
		assertThat(client.getContentLength()).isEqualTo(BIG_BODY.length);
	}

	@Test
	void doFilterWhenWorkOutlastsTheLatencyThenNoWait() throws Exception {
		RecordedWaits time = new RecordedWaits();
		time.filter(Duration.ofMillis(300))
			.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
					(request, response) -> time.pass(Duration.ofMillis(450)));
		assertThat(time.waits).isEmpty();
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
