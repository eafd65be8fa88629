package dev.simboard;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real PostgreSQL for the tests, and this test run's database in it:
 * {@code simboard_test_<random>}, made at first use and dropped when the test JVM ends,
 * so runs never see each other's data. The server is the one these machines run
 * (127.0.0.1:5432, trust authentication, user {@code postgres}, or
 * {@code -Dsimboard.postgres=jdbc:postgresql://host:port/}); where none answers and a
 * Docker engine does, a Testcontainers PostgreSQL started once for the test JVM. Where
 * neither exists, the tests that ask for it are skipped, except on CI ({@code CI=true}),
 * where they fail.
 */
public final class LocalPostgres {

	static final String SERVER = System.getProperty("simboard.postgres", "jdbc:postgresql://127.0.0.1:5432/");

	static final String USER = "postgres";

	/** The image Testcontainers runs: the one {@code docker-compose.yml} names. */
	static final String IMAGE = "postgres:17";

	private static LocalPostgres database;

	private static String unavailable;

	private final Server server;

	private final String name;

	private LocalPostgres(Server server, String name) {
		this.server = server;
		this.name = name;
	}

	/**
	 * This test run's database; skips the calling test where there is no PostgreSQL, and
	 * fails it on CI. Call it before each test rather than from {@code @BeforeAll}: a
	 * class skipped there is reported as no tests at all.
	 */
	public static synchronized LocalPostgres database() {
		if (database == null && unavailable == null) {
			String name = "simboard_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
			Server local = new Server(SERVER, USER, null);
			try {
				local.create(name);
				database = new LocalPostgres(local, name);
			}
			catch (SQLException ex) {
				database = inContainer(name, ex.getMessage());
			}
			if (database != null) {
				Runtime.getRuntime().addShutdownHook(new Thread(database::drop, "drop-" + name));
			}
		}
		if (unavailable != null) {
			String message = unavailable + ": the tests on PostgreSQL are skipped (start it with pg_ctlcluster "
					+ "--skip-systemctl-redirect <version> main start, name another with "
					+ "-Dsimboard.postgres=jdbc:postgresql://host:port/, or start Docker)";
			assertThat("true".equals(System.getenv("CI"))).as(message + ", and on CI they fail").isFalse();
			assumeTrue(false, message);
		}
		return database;
	}

	/** The database in a PostgreSQL of Testcontainers', or none where Docker is not. */
	private static LocalPostgres inContainer(String name, String localProblem) {
		String noLocal = "No PostgreSQL at " + SERVER + " (" + localProblem + ")";
		if (!DockerClientFactory.instance().isDockerAvailable()) {
			unavailable = noLocal + " and no Docker engine";
			System.err.println(unavailable);
			return null;
		}
		// Stopped by Testcontainers' own reaper when the test JVM ends.
		PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
		container.start();
		Server server = new Server(
				"jdbc:postgresql://" + container.getHost() + ":"
						+ container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/",
				container.getUsername(), container.getPassword());
		try {
			server.create(name);
			System.err.println(noLocal + ": the tests on PostgreSQL use Testcontainers' " + IMAGE);
			return new LocalPostgres(server, name);
		}
		catch (SQLException ex) {
			unavailable = noLocal + ", and Testcontainers' " + IMAGE + " refused a database: " + ex.getMessage();
			return null;
		}
	}

	/** Its JDBC URL. */
	public String url() {
		return this.server.url() + this.name;
	}

	/** The user to connect as. */
	public String username() {
		return this.server.user();
	}

	/** The user's password, or {@code null} (the local server trusts its users). */
	public String password() {
		return this.server.password();
	}

	/** Its name, {@code simboard_test_…}. */
	public String name() {
		return this.name;
	}

	/** Simboard's settings that point it at this database. */
	public List<String> settings() {
		return List.of("spring.datasource.url=" + url(), "spring.datasource.username=" + username(),
				"spring.datasource.password=" + ((password() != null) ? password() : ""));
	}

	/** The same as command-line arguments. */
	public String[] arguments() {
		return settings().stream().map((setting) -> "--" + setting).toArray(String[]::new);
	}

	/** A small pool on it; the caller closes it. */
	public HikariDataSource pool() {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url());
		config.setUsername(username());
		config.setPassword(password());
		config.setMaximumPoolSize(4);
		config.setPoolName(this.name);
		return new HikariDataSource(config);
	}

	/** Drops it, ending any connection a pool left open (PostgreSQL 13+). */
	private void drop() {
		try (Connection admin = this.server.connect(); Statement statement = admin.createStatement()) {
			statement.execute("drop database if exists " + this.name + " with (force)");
		}
		catch (SQLException ex) {
			System.err.println("Could not drop the test database " + this.name + ": " + ex.getMessage());
		}
	}

	/** A PostgreSQL server: its base URL (ending in {@code /}) and an owner's account. */
	private record Server(String url, String user, String password) {

		Connection connect() throws SQLException {
			Properties properties = new Properties();
			properties.setProperty("user", this.user);
			if (this.password != null) {
				properties.setProperty("password", this.password);
			}
			properties.setProperty("connectTimeout", "3");
			return DriverManager.getConnection(this.url + "postgres", properties);
		}

		void create(String name) throws SQLException {
			try (Connection admin = connect(); Statement statement = admin.createStatement()) {
				statement.execute("create database " + name);
			}
		}

	}

}
