package dev.simboard.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.simboard.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-27T09:00:00Z"));

	private final LoginThrottle throttle = new LoginThrottle(new SecuritySettings(List.of(),
			new SecuritySettings.Login(5, Duration.ofMinutes(5), Duration.ofMinutes(5), 100),
			new SecuritySettings.Sso(null, List.of())), this.clock);

	@Test
	void failedWhenFiveWithinWindowThenLockedForCooldownWhateverTheCase() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("QA");
		}
		assertThat(this.throttle.allowed("qa")).isTrue();
		this.throttle.failed("qa ");
		assertThat(this.throttle.allowed("qa")).isFalse();
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.throttle.allowed("qa")).isTrue();
	}

	@Test
	void failedWhenSpreadBeyondWindowThenNotLocked() {
		for (int i = 0; i < 10; i++) {
			this.throttle.failed("qa");
			this.clock.advance(Duration.ofMinutes(2));
		}
		assertThat(this.throttle.allowed("qa")).isTrue();
	}

	@Test
	void failedWhenHundredInAnHourThenLockedForTheRestOfTheHourEvenWithShortCooldown() {
		LoginThrottle lenient = new LoginThrottle(new SecuritySettings(List.of(),
				new SecuritySettings.Login(5, Duration.ofMinutes(5), Duration.ofSeconds(1), 100),
				new SecuritySettings.Sso(null, List.of())), this.clock);
		for (int failures = 0; failures < 100; failures++) {
			if (!lenient.allowed("qa")) {
				this.clock.advance(Duration.ofSeconds(1));
			}
			assertThat(lenient.allowed("qa")).as("failure " + failures).isTrue();
			lenient.failed("qa");
		}
		this.clock.advance(Duration.ofMinutes(30));
		assertThat(lenient.allowed("qa")).isFalse();
		this.clock.advance(Duration.ofMinutes(31));
		assertThat(lenient.allowed("qa")).isTrue();
	}

	@Test
	void succeededWhenAfterFailuresThenCountStartsAgain() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("qa");
		}
		this.throttle.succeeded("qa");
		this.throttle.failed("qa");
		assertThat(this.throttle.allowed("qa")).isTrue();
	}

}
