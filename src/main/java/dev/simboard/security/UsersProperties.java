package dev.simboard.security;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may sign in with a password.
 *
 * @param users the accounts; passwords go through Spring's delegating encoder, so write
 * {@code {bcrypt}$2a$…} (or {@code {noop}…} for a throwaway)
 */
@Validated
@ConfigurationProperties("simboard.security")
record UsersProperties(@Valid @DefaultValue List<User> users) {

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

}
