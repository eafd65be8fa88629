package dev.simboard.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.simboard.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

	private static final String ATTACKER = "203.0.113.9";

	private static final String OWNER = "198.51.100.7";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-27T09:00:00Z"));

	private final LoginThrottle throttle = throttle(
			new SecuritySettings.Login(5, Duration.ofMinutes(5), Duration.ofMinutes(5), 100, 20));

	private LoginThrottle throttle(SecuritySettings.Login login) {
		return new LoginThrottle(
				new SecuritySettings(List.of(), login, new SecuritySettings.Sso(null, List.of(), List.of())),
				this.clock);
	}

	@Test
	void failedWhenFiveFromOneClientThenUsernameRefusedThereForCooldownWhateverTheCase() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("QA", ATTACKER);
		}
		assertThat(this.throttle.allowed("qa", ATTACKER)).isTrue();
		this.throttle.failed("qa ", ATTACKER);
		assertThat(this.throttle.allowed("qa", ATTACKER)).isFalse();
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.throttle.allowed("qa", ATTACKER)).isTrue();
	}

	@Test
	void failedWhenFiveFromOneClientThenOwnerOnAnotherClientStillSignsIn() {
		for (int i = 0; i < 5; i++) {
			this.throttle.failed("admin", ATTACKER);
		}
		assertThat(this.throttle.allowed("admin", ATTACKER)).isFalse();
		assertThat(this.throttle.allowed("admin", OWNER)).isTrue();
	}

	@Test
	void failedWhenTwentyFromOneClientOverManyUsernamesThenClientRefusedForEveryUsername() {
		for (int i = 0; i < 19; i++) {
			this.throttle.failed("user" + i, ATTACKER);
		}
		assertThat(this.throttle.allowed("someone-else", ATTACKER)).isTrue();
		this.throttle.failed("user19", ATTACKER);
		assertThat(this.throttle.allowed("someone-else", ATTACKER)).isFalse();
		assertThat(this.throttle.allowed("someone-else", OWNER)).isTrue();
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.throttle.allowed("someone-else", ATTACKER)).isTrue();
	}

	@Test
	void failedWhenSpreadBeyondWindowThenNotRefused() {
		for (int i = 0; i < 10; i++) {
			this.throttle.failed("qa", ATTACKER);
			this.clock.advance(Duration.ofMinutes(2));
		}
		assertThat(this.throttle.allowed("qa", ATTACKER)).isTrue();
	}

	@Test
	void failedWhenHundredInAnHourFromManyClientsThenRefusedToClientsThatFailedButNotToTheOwner() {
		for (int i = 0; i < 100; i++) {
			String client = "203.0.113." + (i % 50);
			assertThat(this.throttle.allowed("admin", client)).as("failure " + i).isTrue();
			this.throttle.failed("admin", client);
		}
		assertThat(this.throttle.allowed("admin", "203.0.113.1")).isFalse();
		assertThat(this.throttle.allowed("admin", OWNER)).isTrue();
		this.clock.advance(Duration.ofMinutes(61));
		assertThat(this.throttle.allowed("admin", "203.0.113.1")).isTrue();
	}

	@Test
	void failedWhenHundredInAnHourWithShortCooldownThenRefusedForTheRestOfTheHour() {
		LoginThrottle lenient = throttle(
				new SecuritySettings.Login(5, Duration.ofMinutes(5), Duration.ofSeconds(1), 100, 1_000));
		for (int failures = 0; failures < 100; failures++) {
			if (!lenient.allowed("qa", ATTACKER)) {
				this.clock.advance(Duration.ofSeconds(1));
			}
			assertThat(lenient.allowed("qa", ATTACKER)).as("failure " + failures).isTrue();
			lenient.failed("qa", ATTACKER);
		}
		this.clock.advance(Duration.ofMinutes(30));
		assertThat(lenient.allowed("qa", ATTACKER)).isFalse();
		this.clock.advance(Duration.ofMinutes(31));
		assertThat(lenient.allowed("qa", ATTACKER)).isTrue();
	}

	@Test
	void failedWhenUsernameHugeThenRememberedByDigestAndStillCounted() {
		String huge = "x".repeat(2_000_000);
		for (int i = 0; i < 5; i++) {
			this.throttle.failed(huge, ATTACKER);
		}
		assertThat(this.throttle.allowed(huge.toUpperCase(java.util.Locale.ROOT), ATTACKER)).isFalse();
		assertThat(this.throttle.allowed("x", ATTACKER)).isTrue();
	}

	@Test
	void clientWhenIpv6ThenItsSlash64CountsAsOneClient() {
		assertThat(LoginThrottle.client("2001:db8:1:2:aaaa::1")).isEqualTo(LoginThrottle.client("2001:db8:1:2:bbbb::9"))
			.isNotEqualTo(LoginThrottle.client("2001:db8:1:3::1"));
		assertThat(LoginThrottle.client("203.0.113.9")).isEqualTo("203.0.113.9");
		for (int i = 0; i < 20; i++) {
			this.throttle.failed("user" + i, "2001:db8:1:2::" + Integer.toHexString(i + 1));
		}
		assertThat(this.throttle.allowed("someone", "2001:db8:1:2::ffff")).isFalse();
	}

	@Test
	void succeededWhenAfterFailuresThenCountStartsAgain() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("qa", OWNER);
		}
		this.throttle.succeeded("qa", OWNER);
		this.throttle.failed("qa", OWNER);
		assertThat(this.throttle.allowed("qa", OWNER)).isTrue();
	}

}
