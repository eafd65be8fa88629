package dev.simboard;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Redis for the tests: the one these machines run (127.0.0.1:6379, or
 * {@code -Dsimboard.redis=redis://host:port}); where none answers and a Docker engine
 * does, a Testcontainers Redis started once for the test JVM. Where neither exists, the
 * tests that ask for it are skipped, except on CI ({@code CI=true}), where they fail, as
 * with {@link LocalPostgres}.
 */
public final class LocalRedis {

	static final String SERVER = System.getProperty("simboard.redis", "redis://127.0.0.1:6379");

	/** The image Testcontainers runs: the one {@code docker-compose.yml} names. */
	static final String IMAGE = "redis:7-alpine";

	private static String url;

	private static String unavailable;

	private LocalRedis() {
	}

	/** The Redis's URL, {@code redis://host:port}; skips the calling test without one. */
	public static synchronized String url() {
		if (url == null && unavailable == null) {
			URI server = URI.create(SERVER);
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 1_000);
				url = SERVER;
			}
			catch (IOException ex) {
				if (DockerClientFactory.instance().isDockerAvailable()) {
					// Stopped by Testcontainers' own reaper when the test JVM ends.
					GenericContainer<?> container = new GenericContainer<>(IMAGE).withExposedPorts(6379);
					container.start();
					url = "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
				}
				else {
					unavailable = "No Redis at " + SERVER + " (" + ex.getMessage() + ") and no Docker engine";
				}
			}
		}
		if (unavailable != null) {
			String message = unavailable + ": the tests on Redis are skipped (start redis-server, name another "
					+ "with -Dsimboard.redis=redis://host:port, or start Docker)";
			assertThat("true".equals(System.getenv("CI"))).as(message + ", and on CI they fail").isFalse();
			assumeTrue(false, message);
		}
		return url;
	}

}
