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

import dev.simboard.logging.Warnings;

import org.springframework.stereotype.Component;

/**
 * Slows password guessing without letting a stranger lock the team out (OWASP's
 * credential-stuffing advice, ASVS 5.0 V6): failures are counted per client address, per
 * username from one client, and per username from everywhere.
 * <ul>
 * <li>A client with too many failures within the window, whatever the usernames, is
 * refused for the cooldown: one client cannot try username after username.</li>
 * <li>A username with too many failures from one client is refused to that client for the
 * cooldown; the owner signing in from another client is not.</li>
 * <li>A username with too many failures in an hour from everywhere is refused, for the
 * rest of that hour, to every client that has failed a sign-in within the hour; a client
 * with no failures, the owner's, still may sign in.</li>
 * </ul>
 * Usernames count whether they exist or not, so the throttle reveals nothing about which
 * do.
 */
@Component
class LoginThrottle {

	private static final Logger logger = LoggerFactory.getLogger(LoginThrottle.class);

	private static final Duration HOUR = Duration.ofHours(1);

	private final SecuritySettings.Login settings;

	private final Clock clock;

	private final Warnings warnings;

	/**
	 * Failures per client address. Each map is bounded: made-up names cannot fill memory.
	 */
	private final Cache<String, Failures> clients = bounded();

	/** Failures per username and client address. */
	private final Cache<String, Failures> pairs = bounded();

	/** Failures per username, from every client. */
	private final Cache<String, Failures> usernames = bounded();

	LoginThrottle(SecuritySettings settings, Clock clock) {
		this.settings = settings.login();
		this.clock = clock;
		this.warnings = new Warnings(logger, clock);
	}

	/** Whether this username may try to sign in from this client now. */
	boolean allowed(String username, String client) {
		Instant now = this.clock.instant();
		Failures fromClient = this.clients.getIfPresent(client(client));
		if (fromClient != null && fromClient.lockedAt(now)) {
			return false;
		}
		Failures pair = this.pairs.getIfPresent(pair(username, client));
		if (pair != null && pair.lockedAt(now)) {
			return false;
		}
		Failures forUsername = this.usernames.getIfPresent(username(username));
		return forUsername == null || !forUsername.lockedAt(now) || fromClient == null
				|| !fromClient.anySince(now.minus(HOUR));
	}

	void failed(String username, String client) {
		Instant now = this.clock.instant();
		SecuritySettings.Login login = this.settings;
		if (record(this.clients, client(client), now, login.maxFailuresPerClient())) {
			this.warnings.warn("client", "Sign-in refused to a client for {} after {} failures within {}",
					login.cooldown(), login.maxFailuresPerClient(), login.window());
		}
		if (record(this.pairs, pair(username, client), now, login.maxFailures())) {
			this.warnings.warn("pair", "Sign-in of a username refused to one client for {} after {} failures within {}",
					login.cooldown(), login.maxFailures(), login.window());
		}
		Failures forUsername = this.usernames.get(username(username), (k) -> new Failures());
		synchronized (forUsername) {
			forUsername.add(now, login.maxFailuresPerHour());
			if (forUsername.count(now.minus(HOUR)) >= login.maxFailuresPerHour()) {
				forUsername.lockedUntil = forUsername.oldest().plus(HOUR);
				this.warnings.warn("username",
						"Sign-in of a username refused until {} to every client that has failed, after {} failures "
								+ "in an hour",
						forUsername.lockedUntil, login.maxFailuresPerHour());
			}
		}
	}

	/** A success forgives this username's failures from this client, not the client's. */
	void succeeded(String username, String client) {
		this.pairs.invalidate(pair(username, client));
	}

	/**
	 * Adds a failure; locks the key for the cooldown once {@code max} fall in the window.
	 */
	private boolean record(Cache<String, Failures> cache, String key, Instant now, int max) {
		Failures failures = cache.get(key, (k) -> new Failures());
		synchronized (failures) {
			failures.add(now, max);
			if (failures.count(now.minus(this.settings.window())) >= max) {
				failures.lockedUntil = now.plus(this.settings.cooldown());
				return true;
			}
			return false;
		}
	}

	private static Cache<String, Failures> bounded() {
		return Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofHours(2)).build();
	}

	private static String username(String username) {
		return (username != null) ? username.trim().toLowerCase(Locale.ROOT) : "";
	}

	private static String client(String client) {
		return (client != null) ? client : "";
	}

	private static String pair(String username, String client) {
		return username(username) + "\n" + client(client);
	}

	/**
	 * The latest failures, oldest first, no older than an hour and no more than the limit
	 * they are held against (all a decision needs), and a lock.
	 */
	private static final class Failures {

		private final Deque<Instant> times = new ArrayDeque<>();

		private Instant lockedUntil = Instant.MIN;

		synchronized void add(Instant at, int keep) {
			this.times.addLast(at);
			while (this.times.size() > keep
					|| (this.times.size() > 1 && this.times.peekFirst().isBefore(at.minus(HOUR)))) {
				this.times.removeFirst();
			}
		}

		synchronized long count(Instant since) {
			return this.times.stream().filter((time) -> time.isAfter(since)).count();
		}

		synchronized boolean anySince(Instant since) {
			return !this.times.isEmpty() && this.times.peekLast().isAfter(since);
		}

		synchronized Instant oldest() {
			return this.times.peekFirst();
		}

		synchronized boolean lockedAt(Instant now) {
			return now.isBefore(this.lockedUntil);
		}

	}

}
