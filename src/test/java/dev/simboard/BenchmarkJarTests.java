package dev.simboard;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the benchmark's smoke mode on the packaged jar, so the harness keeps working. It
 * checks that every figure is measured and printed; speed is the full run's business, so
 * nothing here depends on how fast this machine is.
 */
class BenchmarkJarTests {

	private static final List<String> FIGURES = List.of("upstream calls for 100 concurrent cold requests of one run",
			"uncached run page p50 with the upstream at a fixed 200 ms ÷ 200 ms",
			"cached run page (50 messages) requests/s ÷ a static file of the same size",
			"p99 render of a 2,000-message transcript ÷ p99 of a 200-message one", "heap after loading",
			"cached page requests/s with the upstream down ÷ healthy", "start-up to the first page served",
			"run page from the archive after a restart ÷ the same page from Caffeine, p50", "search over",
			"archive size per 1,000 runs", "batch page of", "saving a review, p99",
			"upstream calls for 100 concurrent cold requests of one run over two replicas",
			"cached run page requests/s, sessions in Redis ÷ in memory",
			"cached run page requests/s, sessions in PostgreSQL ÷ in memory");

	@Test
	void smokeRunWhenJarPackagedThenPrintsEveryFigure() throws Exception {
		assumeWrk();
		Path work = Path.of("target", "bench-smoke");
		Path output = Files.createDirectories(work).resolve("output.txt");
		Process bench = new ProcessBuilder("bash", "bench/run.sh", "--smoke", "--no-build", "--work", work.toString())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		boolean ended = bench.waitFor(15, TimeUnit.MINUTES);
		if (!ended) {
			bench.destroyForcibly();
		}
		String printed = Files.readString(output, StandardCharsets.UTF_8);
		assertThat(ended).as("smoke run ended within 15 minutes:\n%s", printed).isTrue();
		assertThat(bench.exitValue()).as("smoke run's exit code:\n%s", printed).isZero();
		assertThat(printed).contains("| figure | measured | target | met |");
		for (String figure : FIGURES) {
			assertThat(printed).as("printed table").containsPattern("(?m)^\\| " + Pattern.quote(figure));
		}
		assertThat(work.resolve("results.md")).exists();
	}

	private static void assumeWrk() {
		boolean found = Stream.of(System.getenv("PATH").split(File.pathSeparator))
			.anyMatch((folder) -> Files.isExecutable(Path.of(folder, "wrk")));
		if (!found) {
			assertThat("true".equals(System.getenv("CI"))).as("wrk missing on CI").isFalse();
			assumeTrue(false, "No wrk on the PATH: apt-get install wrk to run the benchmark's smoke test");
		}
	}

}
