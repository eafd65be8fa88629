package dev.simboard.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says in plain words what to set when no user is configured.
 */
class NoUsersConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<NoUsersConfiguredException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoUsersConfiguredException cause) {
		return new FailureAnalysis(
				"A SigmaMind API key is set, so Simboard serves real test data, but no user is configured to sign in.",
				"""
						Configure at least one user, for example in the environment:
						    SIMBOARD_SECURITY_USERS_0_NAME=alice
						    SIMBOARD_SECURITY_USERS_0_PASSWORD='{bcrypt}$2a$10$...'
						    SIMBOARD_SECURITY_USERS_0_ROLES=ADMIN
						(or simboard.security.users[0].name/.password/.roles in application properties).
						Hash a password with: htpasswd -bnBC 10 "" 'secret' | tr -d ':\\n'   (then prefix {bcrypt}).
						To try Simboard on its demo data instead, unset SIGMAMIND_API_KEY.""", cause);
	}

}
