package dev.simboard;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole Simboards started and stopped by a test, for what a shared test context cannot
 * show: a restart on the same database. Each is pointed at a fake SigmaMind and has one
 * user; {@link #close()} stops them all.
 */
final class Simboards implements AutoCloseable {

	/** The archive's tables and the reviews', children first. */
	static final List<String> ARCHIVE_TABLES = List.of("rendered_body", "archived_text", "archived_run",
			"archived_batch", "batch_pin", "run_review_version", "run_review");

	private final String sigmaMind;

	private final String user;

	private final String roles;

	private final List<ConfigurableApplicationContext> apps = new ArrayList<>();

	/**
	 * @param sigmaMind the fake SigmaMind's base URL
	 * @param user the one user, whose password is {@code secret}
	 * @param roles the user's roles, such as {@code VIEWER} or {@code ADMIN}
	 */
	Simboards(String sigmaMind, String user, String roles) {
		this.sigmaMind = sigmaMind;
		this.user = user;
		this.roles = roles;
	}

	/** A Simboard on a free port, with these settings besides (its database, say). */
	ConfigurableApplicationContext start(String... settings) {
		List<String> args = new ArrayList<>(List.of("--server.port=0",
				"--simboard.sigmamind.base-url=" + this.sigmaMind, "--simboard.sigmamind.api-key=restart-key",
				"--simboard.security.users[0].name=" + this.user, "--simboard.security.users[0].password={noop}secret",
				"--simboard.security.users[0].roles=" + this.roles, "--spring.jmx.enabled=false",
				// However slow a loaded machine makes the archive, a page waits for it:
				// the
				// restart tests count SigmaMind's calls.
				"--simboard.archive.read-limit=2m"));
		args.addAll(List.of(settings));
		ConfigurableApplicationContext app = new SpringApplicationBuilder(SimboardApplication.class)
			.run(args.toArray(String[]::new));
		this.apps.add(app);
		return app;
	}

	/** A session of the user, signed in to {@code app}. */
	WebSession signedIn(ConfigurableApplicationContext app) throws Exception {
		WebSession session = new WebSession(
				Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port")));
		assertThat(session.signIn(this.user, "secret").statusCode()).isEqualTo(302);
		return session;
	}

	/** The archive's database of {@code app}. */
	static JdbcClient archive(ConfigurableApplicationContext app) {
		return JdbcClient.create(app.getBean(DataSource.class));
	}

	/**
	 * Empties the archive: the PostgreSQL test database is shared by a test run's
	 * classes.
	 */
	static void emptyArchive(DataSource dataSource) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		for (String table : ARCHIVE_TABLES) {
			jdbc.sql("delete from " + table).update();
		}
	}

	@Override
	public void close() {
		this.apps.forEach(ConfigurableApplicationContext::close);
	}

}
