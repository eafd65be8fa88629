package dev.simboard;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The PostgreSQL these machines run (127.0.0.1:5432, trust authentication, user
 * {@code postgres}) and this test run's database in it: {@code simboard_test_<random>},
 * made at first use and dropped when the test JVM ends, so runs never see each other's
 * data. Where no PostgreSQL answers, the tests that ask for it are skipped, except on CI
 * ({@code CI=true}), where they fail.
 */
public final class LocalPostgres {

	/**
	 * The server; {@code -Dsimboard.postgres=jdbc:postgresql://host:port/} for another.
	 */
	static final String SERVER = System.getProperty("simboard.postgres", "jdbc:postgresql://127.0.0.1:5432/");

	static final String USER = "postgres";

	private static LocalPostgres database;

	private static String unavailable;

	private final String name;

	private LocalPostgres(String name) {
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
			try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
				statement.execute("create database " + name);
				database = new LocalPostgres(name);
				Runtime.getRuntime().addShutdownHook(new Thread(database::drop, "drop-" + name));
			}
			catch (SQLException ex) {
				unavailable = ex.getMessage();
				System.err.println("No PostgreSQL at " + SERVER + " (" + unavailable + "): tests on it are skipped");
			}
		}
		if (unavailable != null) {
			String message = "No PostgreSQL at " + SERVER + " (" + unavailable + "): the tests on PostgreSQL are "
					+ "skipped (start it with pg_ctlcluster --skip-systemctl-redirect <version> main start, or "
					+ "name another with -Dsimboard.postgres=jdbc:postgresql://host:port/)";
			assertThat("true".equals(System.getenv("CI"))).as(message + ", and on CI they fail").isFalse();
			assumeTrue(false, message);
		}
		return database;
	}

	/** Its JDBC URL. */
	public String url() {
		return SERVER + this.name;
	}

	/** The user to connect as; no password (trust authentication). */
	public String username() {
		return USER;
	}

	/** Its name, {@code simboard_test_…}. */
	public String name() {
		return this.name;
	}

	/** A small pool on it; the caller closes it. */
	public HikariDataSource pool() {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url());
		config.setUsername(USER);
		config.setMaximumPoolSize(4);
		config.setPoolName(this.name);
		return new HikariDataSource(config);
	}

	private static Connection connect(String database) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", USER);
		properties.setProperty("connectTimeout", "3");
		return DriverManager.getConnection(SERVER + database, properties);
	}

	/** Drops it, ending any connection a pool left open (PostgreSQL 13+). */
	private void drop() {
		try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
			statement.execute("drop database if exists " + this.name + " with (force)");
		}
		catch (SQLException ex) {
			System.err.println("Could not drop the test database " + this.name + ": " + ex.getMessage());
		}
	}

}
