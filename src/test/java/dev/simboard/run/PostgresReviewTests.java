package dev.simboard.run;

import java.sql.Connection;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.simboard.LocalPostgres;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ReviewTests} again, with the whole app's database a real PostgreSQL rather than
 * the embedded H2: saving, the 409, the 403, suggestions, and the pages that count
 * reviews.
 */
class PostgresReviewTests extends ReviewTests {

	@BeforeAll
	static void postgresAnswers() {
		// Skips here without PostgreSQL (fails on CI), before a context is asked for.
		LocalPostgres.database();
	}

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		for (String setting : LocalPostgres.database().settings()) {
			int equals = setting.indexOf('=');
			registry.add(setting.substring(0, equals), () -> setting.substring(equals + 1));
		}
	}

	@Test
	void databaseWhenPostgresConfiguredThenTheAppUsesIt() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
		}
	}

}
