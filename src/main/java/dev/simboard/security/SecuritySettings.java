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
	 * Login throttling, per username, known or not.
	 *
	 * @param maxFailures failed attempts within {@code window} that lock a username
	 * @param window the span failures are counted over
	 * @param cooldown how long a locked username is refused, even with the right password
	 * @param maxFailuresPerHour failures per username per hour past which it stays locked
	 * for the rest of that hour
	 */
	record Login(@Min(1) @DefaultValue("5") int maxFailures, @NotNull @DefaultValue("5m") Duration window,
			@NotNull @DefaultValue("5m") Duration cooldown, @Min(1) @DefaultValue("100") int maxFailuresPerHour) {

	}

	/**
	 * Single sign-on rules.
	 *
	 * @param allowedEmailDomain when set, only users whose verified email ends in
	 * {@code @domain} may sign in
	 * @param admins emails of the users who get ADMIN; everyone else gets VIEWER
	 */
	record Sso(String allowedEmailDomain, @DefaultValue List<String> admins) {

	}

}
