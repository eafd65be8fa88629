package dev.simboard.security;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.simboard.sigmamind.DemoMode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The accounts that may sign in: the configured ones, plus a demo account when Simboard
 * runs on its demo data.
 */
@Configuration(proxyBeanMethods = false)
class UsersConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(UsersConfiguration.class);

	/** The demo account, shown on the login page in demo mode only. */
	static final String DEMO_USER = "demo";

	static final String DEMO_PASSWORD = "demo";

	/**
	 * Password sign-in, throttled; the only provider, so nothing can bypass the throttle.
	 * The accounts are not a bean of their own: Spring Security would otherwise warn at
	 * start-up that it does not use them for a second, unthrottled sign-in.
	 */
	@Bean
	ThrottledAuthenticationProvider passwordAuthentication(SecuritySettings settings, Environment environment,
			LoginThrottle throttle) {
		List<UserDetails> users = users(settings, DemoMode.in(environment));
		List<String> configured = settings.users().stream().map(SecuritySettings.User::password).toList();
		if (EqualWorkPasswordEncoder.uneven(configured)) {
			logger.warn("Some accounts' passwords are not {bcrypt} hashes of one work factor, so signing in to "
					+ "them takes a different time than for an unknown username; store every password as {bcrypt} "
					+ "with the same work factor (simboard.security.users[N].password)");
		}
		return provider(users, throttle);
	}

	static ThrottledAuthenticationProvider provider(List<UserDetails> users, LoginThrottle throttle) {
		int cost = EqualWorkPasswordEncoder.cost(users.stream().map(UserDetails::getPassword).toList());
		return provider(users, throttle, new EqualWorkPasswordEncoder(new BCryptPasswordEncoder(cost)));
	}

	static ThrottledAuthenticationProvider provider(List<UserDetails> users, LoginThrottle throttle,
			EqualWorkPasswordEncoder encoder) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(users));
		passwords.setPasswordEncoder(encoder);
		return new ThrottledAuthenticationProvider(passwords, throttle);
	}

	@Bean
	SsoUserService ssoUserService(SecuritySettings settings) {
		return new SsoUserService(settings.sso());
	}

	private static List<UserDetails> users(SecuritySettings properties, boolean demoMode) {
		List<UserDetails> users = new ArrayList<>();
		for (SecuritySettings.User user : properties.users()) {
			users.add(User.withUsername(user.name())
				.password(user.password())
				.roles(user.roles().stream().map(String::trim).toArray(String[]::new))
				.build());
		}
		if (demoMode) {
			users.add(User.withUsername(DEMO_USER).password("{noop}" + DEMO_PASSWORD).roles("VIEWER", "ADMIN").build());
			logger.info("Demo mode: sign in as '{}' with password '{}'", DEMO_USER, DEMO_PASSWORD);
		}
		else if (users.isEmpty()) {
			throw new NoUsersConfiguredException();
		}
		return users;
	}

}
