package dev.simboard.demo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

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
 */
@Validated
@ConfigurationProperties("simboard.demo")
public record DemoProperties(@DefaultValue("20260301") long seed, @Min(1) @DefaultValue("4") int agents,
		@Min(1) @DefaultValue("6") int batchesPerAgent, @Min(1) @DefaultValue("6") int testCasesPerBatch,
		@Min(1) @DefaultValue("2") int attemptsPerTestCase,
		@Min(4) @Max(10_000) @DefaultValue("120") int longTranscriptTurns) {

	/** The defaults, as bound when nothing is configured. */
	public static DemoProperties defaults() {
		return new DemoProperties(20260301L, 4, 6, 6, 2, 120);
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

}
