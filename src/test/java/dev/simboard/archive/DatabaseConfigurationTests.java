package dev.simboard.archive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.simboard.LocalPostgres;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which database Simboard uses, with Boot's own DataSource and Flyway set-up and
 * Simboard's application.yml: a small context of just these, not the whole app.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class))
		.withUserConfiguration(Settings.class, DatabaseConfiguration.class, Archive.class);

	@Test
	void dataSourceWhenNoUrlAndNoKeyThenH2InMemoryMigratedAndSaidOnce(CapturedOutput output) {
		this.runner.withPropertyValues("simboard.sigmamind.api-key=").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(url(context.getBean(DataSource.class))).startsWith("jdbc:h2:mem:simboard-");
			assertThat(context.getBean(Archive.class).stats().runs()).isZero();
			assertThat(output.getOut().lines().filter((line) -> line.contains("Archive database: H2 ")))
				.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
				.contains("INFO")
				.endsWith("(embedded, in memory: the archive goes when Simboard stops)");
		});
	}

	@Test
	void dataSourceWhenTwoStartInMemoryThenEachHasADatabaseOfItsOwn() {
		this.runner.run((one) -> this.runner.run((other) -> {
			one.getBean(Archive.class)
				.saveRun(ArchiveTests.run("job_1", "agent_1", "batch_1", ArchiveTests.T0), List.of());

			assertThat(other.getBean(Archive.class).findRun("job_1")).isEmpty();
			assertThat(one.getBean(Archive.class).findRun("job_1")).isPresent();
		}));
	}

	@Test
	void dataSourceWhenNoUrlAndAKeyThenH2InAFileUnderTheDataDir(@TempDir Path folder) {
		Path dataDir = folder.resolve("made/for/it");
		this.runner.withPropertyValues("simboard.sigmamind.api-key=k", "simboard.data-dir=" + dataDir)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(url(context.getBean(DataSource.class))).startsWith("jdbc:h2:file:" + dataDir + "/simboard;");
				assertThat(dataDir.resolve("simboard.mv.db")).isNotEmptyFile();
			});
	}

	@Test
	void dataSourceWhenUrlBlankThenTheEmbeddedOne() {
		this.runner.withPropertyValues("spring.datasource.url=").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(url(context.getBean(DataSource.class))).startsWith("jdbc:h2:mem:simboard-");
		});
	}

	@Test
	void dataSourceWhenTheDataDirCannotBeMadeThenStartFailsNamingTheSetting(@TempDir Path folder) throws Exception {
		Path file = Files.writeString(folder.resolve("a-file"), "not a folder");
		this.runner.withPropertyValues("simboard.sigmamind.api-key=k", "simboard.data-dir=" + file.resolve("data"))
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("simboard.data-dir " + file.resolve("data") + " cannot be created")
				.hasStackTraceContaining("set simboard.data-dir to a writable folder"));
	}

	@Test
	void dataSourceWhenUrlSetThenThatDatabaseMigratedWithItsOwnScripts() {
		LocalPostgres postgres = LocalPostgres.database();
		this.runner.withPropertyValues(postgres.settings().toArray(String[]::new))
			.withPropertyValues("simboard.sigmamind.api-key=k")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(url(context.getBean(DataSource.class))).isEqualTo(postgres.url());
				assertThat(JdbcClient.create(context.getBean(DataSource.class))
					.sql("select count(*) from information_schema.columns where column_name = 'search_vector'")
					.query(Long.class)
					.single()).isOne();
				assertThat(context.getBean(Archive.class).stats().database()).startsWith("PostgreSQL ");
			});
	}

	@Test
	void describeWhenTheUrlCarriesSecretsThenTheyAreLeftOut() {
		assertThat(Archive.describe("PostgreSQL", "16.2",
				"jdbc:postgresql://db.example.com:5432/simboard" + "?user=simboard&password=s3cret&sslmode=require"))
			.isEqualTo("PostgreSQL 16.2 at jdbc:postgresql://db.example.com:5432/simboard");
		assertThat(Archive.describe("PostgreSQL", "16.2", "jdbc:postgresql://simboard:s3cret@db:5432/simboard"))
			.isEqualTo("PostgreSQL 16.2 at jdbc:postgresql://db:5432/simboard");
		assertThat(Archive.describe("H2", "2.4.240 (2025-09-22)", "jdbc:h2:file:/srv/data/simboard;PASSWORD=s3cret"))
			.isEqualTo("H2 2.4.240 (embedded) in /srv/data/simboard.mv.db");
	}

	private static String url(DataSource dataSource) {
		return ((HikariDataSource) dataSource).getJdbcUrl();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DatabaseSettings.class)
	static class Settings {

	}

}
