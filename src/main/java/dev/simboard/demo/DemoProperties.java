package dev.simboard.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The size and seed of the demo data set served when no SigmaMind API key is configured.
 * The defaults give a small, browsable data set; benchmarks can ask for tens of thousands
 * of runs, since conversations are generated only when asked for.
 *
 * @param seed seed of the generator: the same seed gives the same IDs, labels, verdicts
 * and texts
 * @param agents number of agents
 * @param batchesPerAgent number of batch runs of each agent; the newest batch of the
 * first agent is always still running
 * @param testCasesPerBatch number of test cases of each agent, all of which every batch
 * run plays
 * @param attemptsPerTestCase number of attempts (test runs) of each test case in a batch
 * run
 * @param longTranscriptTurns number of messages of the one very long transcript
 * @param latency time every demo API answer takes, counted from the request's arrival,
 * the demo API's own work included, so that it plays a SigmaMind of steady speed; 0 adds
 * no wait
 * @param apiKey key the demo API accepts instead of one generated at start, so that
 * another Simboard or a benchmark can use this one as its SigmaMind: 16 to 200 letters,
 * digits, '_' or '-'
 * @param sizedTranscripts numbers of messages of extra showcase runs, one run per number,
 * for comparing page speed by transcript length; they follow the other showcase runs
 * among the newest runs of the first agent's newest finished batch
 */
@Validated
@ConfigurationProperties("simboard.demo")
public record DemoProperties(@DefaultValue("20260301") long seed, @Min(1) @DefaultValue("4") int agents,
		@Min(1) @DefaultValue("6") int batchesPerAgent, @Min(1) @DefaultValue("6") int testCasesPerBatch,
		@Min(1) @DefaultValue("2") int attemptsPerTestCase,
		@Min(4) @Max(10_000) @DefaultValue("120") int longTranscriptTurns,
		@DurationMin(millis = 0) @DurationMax(seconds = 60) @DefaultValue("0ms") Duration latency, String apiKey,
		@Size(max = 10) @DefaultValue List<@NotNull @Min(1) @Max(10_000) Integer> sizedTranscripts) {

	public DemoProperties {
		// Left null, these would mean what the defaults mean.
		latency = (latency != null) ? latency : Duration.ZERO;
		// A copy that keeps null elements, so that validation names them.
		sizedTranscripts = (sizedTranscripts != null) ? Collections.unmodifiableList(new ArrayList<>(sizedTranscripts))
				: List.of();
	}

	/** The defaults, as bound when nothing is configured. */
	public static DemoProperties defaults() {
		return new DemoProperties(20260301L, 4, 6, 6, 2, 120, Duration.ZERO, null, List.of());
	}

	/** Test runs in one batch run; throws {@link ArithmeticException} beyond an int. */
	public int runsPerBatch() {
		return Math.multiplyExact(this.testCasesPerBatch, this.attemptsPerTestCase);
	}

	/**
	 * Test runs in the whole data set; throws {@link ArithmeticException} beyond a long.
	 */
	public long totalRuns() {
		return Math.multiplyExact(Math.multiplyExact((long) this.agents, this.batchesPerAgent), runsPerBatch());
	}

	/** Whether a fixed key is configured; a blank one counts as none. */
	public boolean hasApiKey() {
		return this.apiKey != null && !this.apiKey.isBlank();
	}

	@Override
	public String toString() {
		// The key must never reach a log line, even through a debug dump of this record.
		return "DemoProperties[seed=" + this.seed + ", agents=" + this.agents + ", batchesPerAgent="
				+ this.batchesPerAgent + ", testCasesPerBatch=" + this.testCasesPerBatch + ", attemptsPerTestCase="
				+ this.attemptsPerTestCase + ", longTranscriptTurns=" + this.longTranscriptTurns + ", latency="
				+ this.latency + ", apiKey=" + (hasApiKey() ? "****" : "(none)") + ", sizedTranscripts="
				+ this.sizedTranscripts + "]";
	}

}
