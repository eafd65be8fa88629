package dev.simboard.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;

import dev.simboard.sigmamind.DemoMode;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The embedded database, when no {@code spring.datasource.url} names one: H2 in memory in
 * demo mode, else H2 in a file under {@code simboard.data-dir}. With a URL set, Boot's
 * own DataSource (PostgreSQL) is used and this configuration stands aside.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	/**
	 * H2 speaking PostgreSQL's dialect, so that one set of migrations and queries serves
	 * both.
	 */
	static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

	/** The setting that names another database. */
	static final String URL_PROPERTY = "spring.datasource.url";

	// A DataSource bean rather than an EnvironmentPostProcessor: its condition and demo
	// mode
	// are judged on every property, test ones added late (@DynamicPropertySource)
	// included.
	@Bean
	@Conditional(NoDatabaseConfigured.class)
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(Environment environment, DatabaseSettings settings) {
		String url = DemoMode.in(environment) ? inMemory() : inFile(settings.dataDir());
		return DataSourceBuilder.create().type(HikariDataSource.class).url(url).username("sa").password("").build();
	}

	/**
	 * A database of its own, so two Simboards in one JVM (tests) never share one; it
	 * lasts until the JVM ends, so no pool recycling its connections can empty it.
	 */
	static String inMemory() {
		return "jdbc:h2:mem:simboard-" + UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1"
				+ H2_OPTIONS;
	}

	/** H2's file {@code simboard.mv.db} in the folder, which is made if missing. */
	static String inFile(Path dataDir) {
		Path folder = dataDir.toAbsolutePath().normalize();
		if (folder.toString().contains(";")) {
			throw new IllegalStateException("simboard.data-dir must not contain ';' (H2 reads it as an option): "
					+ folder + "; choose another folder, or set " + URL_PROPERTY);
		}
		try {
			Files.createDirectories(folder);
		}
		catch (IOException ex) {
			throw new IllegalStateException("simboard.data-dir " + folder + " cannot be created (" + ex
					+ "); set simboard.data-dir to a writable folder, or " + URL_PROPERTY + " to a PostgreSQL database",
					ex);
		}
		if (!Files.isWritable(folder)) {
			throw new IllegalStateException("simboard.data-dir " + folder + " is not writable; set simboard.data-dir "
					+ "to a writable folder, or " + URL_PROPERTY + " to a PostgreSQL database");
		}
		// WRITE_DELAY=0: each commit reaches the file before it returns. H2's default
		// keeps half a second of commits in memory, which a killed process loses (a pin,
		// a review).
		return "jdbc:h2:file:" + folder.resolve("simboard") + H2_OPTIONS + ";WRITE_DELAY=0";
	}

	/** Matches when {@code spring.datasource.url} is missing or blank. */
	static class NoDatabaseConfigured extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return StringUtils.hasText(context.getEnvironment().getProperty(URL_PROPERTY))
					? ConditionOutcome.noMatch(URL_PROPERTY + " is set")
					: ConditionOutcome.match("no " + URL_PROPERTY + ": the embedded database");
		}

	}

}
