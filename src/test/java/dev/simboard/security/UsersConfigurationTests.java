package dev.simboard.security;

import org.junit.jupiter.api.Test;

import dev.simboard.SimboardApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsersConfigurationTests {

	@Test
	void startWhenRealKeyAndNoUsersThenRefusesWithWhatToSet() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(SimboardApplication.class)
			.run("--simboard.sigmamind.api-key=test-key", "--server.port=0")
			.close()).hasRootCauseInstanceOf(NoUsersConfiguredException.class);
		FailureAnalysis analysis = new NoUsersConfiguredFailureAnalyzer().analyze(new NoUsersConfiguredException());
		assertThat(analysis.getAction()).contains("SIMBOARD_SECURITY_USERS_0_NAME", "{bcrypt}", "SIGMAMIND_API_KEY");
		assertThat(analysis.getDescription()).contains("no user is configured");
	}

}
