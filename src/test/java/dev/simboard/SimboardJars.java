package dev.simboard;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar started as processes of their own, as a deployment runs them, so a
 * test may kill one with {@code kill -9}; {@link #close()} kills any left.
 */
final class SimboardJars implements AutoCloseable {

	private final List<Process> processes = new ArrayList<>();

	/** The processes started, in order. */
	List<Process> processes() {
		return this.processes;
	}

	/**
	 * Starts the jar with these settings (the port besides) and returns its port once it
	 * is ready; its log is in {@code target/kill-tests}.
	 */
	int start(List<String> settings) throws Exception {
		int port = freePort();
		Path log = Files.createDirectories(Path.of("target", "kill-tests"))
			.resolve("simboard-" + this.processes.size() + "-" + port + ".log");
		List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString(), "--server.port=" + port));
		command.addAll(settings);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		this.processes.add(process);
		WebSession probe = new WebSession(port);
		await().atMost(Duration.ofMinutes(2)).ignoreExceptionsInstanceOf(IOException.class).until(() -> {
			assertThat(process.isAlive()).as("Simboard still running (see %s)", log).isTrue();
			return probe.get("/actuator/health/readiness").statusCode() == 200;
		});
		return port;
	}

	/**
	 * Kills the process with SIGKILL, as {@code kill -9} would, and waits for it to end.
	 */
	static void kill(Process process) throws InterruptedException {
		process.destroyForcibly();
		assertThat(process.waitFor()).as("exit status of a SIGKILL").isEqualTo(128 + 9);
	}

	@Override
	public void close() {
		this.processes.forEach(Process::destroyForcibly);
	}

	private static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	private static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter((file) -> file.getFileName().toString().matches("simboard-.*\\.jar"))
				.filter((file) -> !file.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No packaged jar in target/: run ./mvnw verify"));
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
