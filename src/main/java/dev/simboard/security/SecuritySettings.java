package dev.simboard.security;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may sign in, and how.
 *
 * @param users the password accounts; passwords go through Spring's delegating encoder,
 * so write {@code {bcrypt}$2a$…} (or {@code {noop}…} for a throwaway)
 * @param login how failed password sign-ins are throttled
 * @param sso who may sign in through OpenID Connect, when a provider is configured under
 * {@code spring.security.oauth2.client}
 */
@Validated
@ConfigurationProperties("simboard.security")
record SecuritySettings(@Valid @DefaultValue List<User> users, @Valid @NotNull @DefaultValue Login login,
		@Valid @NotNull @DefaultValue Sso sso) {

	/**
	 * One account.
	 *
	 * @param name the username
	 * @param password the encoded password, such as {@code {bcrypt}$2a$10$…}
	 * @param roles roles such as {@code VIEWER} or {@code ADMIN}; VIEWER when empty
	 */
	record User(@NotBlank String name, @NotBlank String password, @DefaultValue("VIEWER") List<String> roles) {

		@Override
		public String toString() {
			return "User[name=" + this.name + ", roles=" + this.roles + "]";
		}

	}

	/**
	 * Password sign-in throttling, per client address and per username, known or not.
	 *
	 * @param maxFailures failures of one username from one client within {@code window}
	 * that refuse that username to that client (and only to it) for {@code cooldown}
	 * @param window the span failures are counted over
	 * @param cooldown how long a refused client, or username on a client, stays refused,
	 * even with the right password
	 * @param maxFailuresPerHour failures of one username in an hour, from all clients
	 * together, past which it is refused for the rest of that hour to every client that
	 * has failed a sign-in; a client with no failures, its owner's, may still sign in
	 * @param maxFailuresPerClient failures from one client address within {@code window},
	 * whatever the usernames, that refuse that client for {@code cooldown}
	 */
	record Login(@Min(1) @DefaultValue("5") int maxFailures, @NotNull @DefaultValue("5m") Duration window,
			@NotNull @DefaultValue("5m") Duration cooldown, @Min(1) @DefaultValue("100") int maxFailuresPerHour,
			@Min(1) @DefaultValue("20") int maxFailuresPerClient) {

	}

	/**
	 * Single sign-on rules.
	 *
	 * @param allowedEmailDomain when set, only users whose verified email ends in
	 * {@code @domain} may sign in
	 * @param admins emails of the users who get ADMIN; everyone else gets VIEWER
	 * @param reviewers emails of the users who get REVIEWER: they may review the judge's
	 * verdicts (ADMIN may too)
	 */
	record Sso(String allowedEmailDomain, @DefaultValue List<String> admins, @DefaultValue List<String> reviewers) {

	}

}
