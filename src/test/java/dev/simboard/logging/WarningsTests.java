package dev.simboard.logging;

import java.time.Duration;
import java.time.Instant;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import dev.simboard.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class WarningsTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-27T09:00:00Z"));

	private final Logger logger = (Logger) LoggerFactory.getLogger("dev.simboard.logging.WarningsTests.sample");

	private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

	private final Warnings warnings = new Warnings(this.logger, this.clock);

	@BeforeEach
	void listen() {
		this.lines.start();
		this.logger.addAppender(this.lines);
	}

	@AfterEach
	void stopListening() {
		this.logger.detachAppender(this.lines);
	}

	@Test
	void warnWhenSameKindRepeatedWithinAMinuteThenOneLineThenACountWithTheNext() {
		for (int i = 0; i < 313; i++) {
			this.warnings.warn("GET /v1/agents not_found", "SigmaMind call failed: {} in {} ms", "agent_" + i, i);
		}
		assertThat(this.lines.list).singleElement()
			.extracting(ILoggingEvent::getFormattedMessage)
			.isEqualTo("SigmaMind call failed: agent_0 in 0 ms");
		this.clock.advance(Duration.ofMinutes(1));
		this.warnings.warn("GET /v1/agents not_found", "SigmaMind call failed: {} in {} ms", "agent_x", 7);
		assertThat(this.lines.list).hasSize(2)
			.last()
			.extracting(ILoggingEvent::getFormattedMessage)
			.isEqualTo("SigmaMind call failed: agent_x in 7 ms (and 312 more like it in the last minute)");
	}

	@Test
	void warnWhenKindsDifferThenEachGetsItsLine() {
		this.warnings.warn("a", "first");
		this.warnings.warn("b", "second");
		this.warnings.warn("a", "first again");
		assertThat(this.lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("first", "second");
		assertThat(this.lines.list).allSatisfy((line) -> assertThat(line.getThrowableProxy()).isNull());
	}

	@Test
	void warnWhenKindsBeyondTheGuardThenTheyShareOneWindow() {
		for (int i = 0; i < 1_500; i++) {
			this.warnings.warn("kind " + i, "line {}", i);
		}
		assertThat(this.lines.list).hasSize(1_001);
	}

}
