package dev.simboard.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per username, known or not, and refuses a username for a while
 * after too many, so that guessing passwords is slow and reveals nothing about which
 * usernames exist.
 */
@Component
class LoginThrottle {

	private static final Logger logger = LoggerFactory.getLogger(LoginThrottle.class);

	private static final Duration HOUR = Duration.ofHours(1);

	private final SecuritySettings.Login settings;

	private final Clock clock;

	/** Bounded, so a flood of made-up usernames cannot exhaust memory. */
	private final Cache<String, Record> records = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofHours(2))
		.build();

	LoginThrottle(SecuritySettings settings, Clock clock) {
		this.settings = settings.login();
		this.clock = clock;
	}

	/** Whether this username may try now. */
	boolean allowed(String username) {
		Record record = this.records.getIfPresent(key(username));
		if (record == null) {
			return true;
		}
		synchronized (record) {
			return !this.clock.instant().isBefore(record.lockedUntil);
		}
	}

	void failed(String username) {
		Instant now = this.clock.instant();
		Record record = this.records.get(key(username), (k) -> new Record());
		synchronized (record) {
			record.failures.addLast(now);
			while (!record.failures.isEmpty() && record.failures.peekFirst().isBefore(now.minus(HOUR))) {
				record.failures.removeFirst();
			}
			Instant windowStart = now.minus(this.settings.window());
			long recent = record.failures.stream().filter((failure) -> failure.isAfter(windowStart)).count();
			if (record.failures.size() >= this.settings.maxFailuresPerHour()) {
				record.lockedUntil = record.failures.peekFirst().plus(HOUR);
				logger.warn("Sign-in locked until {} after {} failures in an hour", record.lockedUntil,
						record.failures.size());
			}
			else if (recent >= this.settings.maxFailures()) {
				record.lockedUntil = now.plus(this.settings.cooldown());
				logger.warn("Sign-in locked for {} after {} failures", this.settings.cooldown(), recent);
			}
		}
	}

	void succeeded(String username) {
		this.records.invalidate(key(username));
	}

	private static String key(String username) {
		return (username != null) ? username.trim().toLowerCase(Locale.ROOT) : "";
	}

	private static final class Record {

		private final Deque<Instant> failures = new ArrayDeque<>();

		private Instant lockedUntil = Instant.MIN;

	}

}
