package dev.simboard.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.simboard.MutableClock;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Password sign-in as Spring Security runs it, with the real throttle and encoders. Equal
 * timing is checked as equal work, counted, not as measured time: every failed sign-in,
 * whatever the account, costs exactly one bcrypt verification at the accounts' work
 * factor.
 */
class ThrottledAuthenticationProviderTests {

	private static final String CLIENT = "203.0.113.9";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-27T09:00:00Z"));

	private final LoginThrottle throttle = new LoginThrottle(new SecuritySettings(List.of(),
			new SecuritySettings.Login(5, Duration.ofMinutes(5), Duration.ofMinutes(5), 100, 20),
			new SecuritySettings.Sso(null, List.of(), List.of())), this.clock);

	/**
	 * Counts bcrypt checks; cost 4 keeps the test quick, and equal work is equal work.
	 */
	private final CountingBCrypt bcrypt = new CountingBCrypt(4);

	private final ThrottledAuthenticationProvider provider = UsersConfiguration.provider(
			List.of(user("qa", "{noop}secret"), user("boss", "{bcrypt}" + new BCryptPasswordEncoder(4).encode("s3"))),
			this.throttle, new EqualWorkPasswordEncoder(this.bcrypt));

	@Test
	void signInWhenKnownUserWrongPasswordOrUnknownUserThenSameWorkEachTime() {
		assertThat(checksFor("qa", "wrong", "192.0.2.1")).isEqualTo(1);
		assertThat(checksFor("boss", "wrong", "192.0.2.1")).isEqualTo(1);
		assertThat(checksFor("nobody", "wrong", "192.0.2.1")).isEqualTo(1);
	}

	@Test
	void signInWhenRefusedThenNoPasswordIsChecked() {
		for (int i = 0; i < 5; i++) {
			failedSignIn("qa", "guess" + i, CLIENT);
		}
		// A locked-out client costs no CPU, whatever it sends.
		assertThat(checksFor("qa", "secret", CLIENT)).isZero();
		assertThat(checksFor("nobody", "secret", CLIENT)).isEqualTo(1);
	}

	@Test
	void signInWhenClientAlreadyHasTwoChecksRunningThenAThirdIsRefusedUntilOneEnds() {
		assertThat(this.throttle.checking(CLIENT)).isTrue();
		assertThat(this.throttle.checking(CLIENT)).isTrue();
		// Sent at once, sign-ins would otherwise all pass before the first failure
		// counts.
		assertThat(checksFor("boss", "s3", CLIENT)).isZero();
		assertThat(this.throttle.checking("198.51.100.7")).isTrue();
		this.throttle.checked(CLIENT);
		assertThat(this.provider.authenticate(token("boss", "s3", CLIENT)).isAuthenticated()).isTrue();
	}

	@Test
	void unevenWhenPasswordsNotAllBcryptOfOneCostThenTrue() {
		assertThat(EqualWorkPasswordEncoder.uneven(List.of("{bcrypt}$2a$10$abcdefghijklmnopqrstuv"))).isFalse();
		assertThat(EqualWorkPasswordEncoder.uneven(List.of("{noop}x"))).isTrue();
		assertThat(EqualWorkPasswordEncoder
			.uneven(List.of("{bcrypt}$2a$10$abcdefghijklmnopqrstuv", "{bcrypt}$2a$12$abcdefghijklmnopqrstuv")))
			.isTrue();
	}

	@Test
	void signInWhenUsernameRefusedOnOneClientThenOwnerSignsInFromAnother() {
		for (int i = 0; i < 5; i++) {
			failedSignIn("qa", "guess" + i, CLIENT);
		}
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> this.provider.authenticate(token("qa", "secret", CLIENT)));
		Authentication owner = this.provider.authenticate(token("qa", "secret", "198.51.100.7"));
		assertThat(owner.isAuthenticated()).isTrue();
	}

	@Test
	void signInWhenTwentyFailuresFromOneClientThenThatClientIsRefusedForAnyUsername() {
		for (int i = 0; i < 20; i++) {
			failedSignIn("user" + i, "guess", CLIENT);
		}
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> this.provider.authenticate(token("boss", "s3", CLIENT)));
		assertThat(this.provider.authenticate(token("boss", "s3", "198.51.100.7")).isAuthenticated()).isTrue();
	}

	@Test
	void costWhenAccountsHoldBcryptHashesThenTheSlowestOne() {
		assertThat(EqualWorkPasswordEncoder.cost(List.of("{noop}x"))).isEqualTo(10);
		assertThat(EqualWorkPasswordEncoder
			.cost(List.of("{noop}x", "{bcrypt}$2a$12$abcdefghijklmnopqrstuv", "{bcrypt}$2b$11$abcdefghijklmnopqrstuv")))
			.isEqualTo(12);
	}

	private int checksFor(String username, String password, String client) {
		int before = this.bcrypt.checks.get();
		try {
			this.provider.authenticate(token(username, password, client));
		}
		catch (BadCredentialsException ex) {
			// Expected: the count is what matters.
		}
		return this.bcrypt.checks.get() - before;
	}

	private void failedSignIn(String username, String password, String client) {
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> this.provider.authenticate(token(username, password, client)));
	}

	private static UsernamePasswordAuthenticationToken token(String username, String password, String client) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
		request.setRemoteAddr(client);
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(username,
				password);
		token.setDetails(new WebAuthenticationDetails(request));
		return token;
	}

	private static UserDetails user(String name, String password) {
		return User.withUsername(name).password(password).roles("VIEWER").build();
	}

	private static final class CountingBCrypt implements PasswordEncoder {

		private final AtomicInteger checks = new AtomicInteger();

		private final BCryptPasswordEncoder bcrypt;

		CountingBCrypt(int strength) {
			this.bcrypt = new BCryptPasswordEncoder(strength);
		}

		@Override
		public String encode(CharSequence rawPassword) {
			return this.bcrypt.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			this.checks.incrementAndGet();
			return this.bcrypt.matches(rawPassword, encodedPassword);
		}

	}

}
