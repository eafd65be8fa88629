package dev.simboard.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.simboard.logging.Warnings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
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

	private static final String CLIENT = "client:";

	private static final String PAIR = "pair:";

	private static final String USER = "user:";

	/** Longest name or address remembered as it is. */
	private static final int LONGEST = 128;

	/** Password checks one client may have running at once; more are refused. */
	static final int CHECKS_PER_CLIENT = 2;

	private final SecuritySettings.Login settings;

	private final Clock clock;

	private final Warnings warnings;

	/** Failures and locks, per client, username and client, and username. */
	private final FailureCounts counts;

	/**
	 * Password checks running per client: many sign-ins sent at once would otherwise all
	 * pass {@link #allowed} before the first failure is counted. Entries go when they
	 * reach zero, so this holds no more than the requests in flight.
	 */
	private final Map<String, Integer> running = new ConcurrentHashMap<>();

	LoginThrottle(SecuritySettings settings, Clock clock) {
		this(settings, clock, new LocalFailureCounts());
	}

	/** With the failures counted where every replica counts them, if one is set up. */
	@Autowired
	LoginThrottle(SecuritySettings settings, Clock clock, ObjectProvider<FailureCounts> shared) {
		this(settings, clock, shared.getIfAvailable(LocalFailureCounts::new));
	}

	LoginThrottle(SecuritySettings settings, Clock clock, FailureCounts counts) {
		this.settings = settings.login();
		this.clock = clock;
		this.counts = counts;
		this.warnings = new Warnings(logger, clock);
	}

	/** Whether this username may try to sign in from this client now. */
	boolean allowed(String username, String client) {
		Instant now = this.clock.instant();
		if (now.isBefore(this.counts.lockedUntil(CLIENT + client(client)))
				|| now.isBefore(this.counts.lockedUntil(PAIR + pair(username, client)))) {
			return false;
		}
		if (!now.isBefore(this.counts.lockedUntil(USER + username(username)))) {
			return true;
		}
		Instant latest = this.counts.latest(CLIENT + client(client));
		return latest == null || !latest.isAfter(now.minus(HOUR));
	}

	void failed(String username, String client) {
		Instant now = this.clock.instant();
		SecuritySettings.Login login = this.settings;
		if (record(CLIENT + client(client), now, login.maxFailuresPerClient())) {
			this.warnings.warn("client", "Sign-in refused to a client for {} after {} failures within {}",
					login.cooldown(), login.maxFailuresPerClient(), login.window());
		}
		if (record(PAIR + pair(username, client), now, login.maxFailures())) {
			this.warnings.warn("pair", "Sign-in of a username refused to one client for {} after {} failures within {}",
					login.cooldown(), login.maxFailures(), login.window());
		}
		String user = USER + username(username);
		if (this.counts.add(user, now, login.maxFailuresPerHour(), now.minus(HOUR)) >= login.maxFailuresPerHour()) {
			Instant oldest = this.counts.oldest(user);
			Instant until = ((oldest != null) ? oldest : now).plus(HOUR);
			this.counts.lock(user, until);
			this.warnings.warn("username",
					"Sign-in of a username refused until {} to every client that has failed, after {} failures "
							+ "in an hour",
					until, login.maxFailuresPerHour());
		}
	}

	/**
	 * Claims one of the client's password checks, or returns {@code false} when it has
	 * {@value #CHECKS_PER_CLIENT} running already; each claim is given back with
	 * {@link #checked}.
	 */
	boolean checking(String client) {
		boolean[] claimed = { false };
		this.running.compute(client(client), (key, count) -> {
			int now = (count != null) ? count : 0;
			claimed[0] = now < CHECKS_PER_CLIENT;
			return claimed[0] ? now + 1 : count;
		});
		return claimed[0];
	}

	void checked(String client) {
		this.running.computeIfPresent(client(client), (key, count) -> (count > 1) ? count - 1 : null);
	}

	/** A success forgives this username's failures from this client, not the client's. */
	void succeeded(String username, String client) {
		this.counts.forget(PAIR + pair(username, client));
	}

	/**
	 * Adds a failure; locks the key for the cooldown once {@code max} fall in the window.
	 */
	private boolean record(String key, Instant now, int max) {
		if (this.counts.add(key, now, max, now.minus(this.settings.window())) >= max) {
			this.counts.lock(key, now.plus(this.settings.cooldown()));
			return true;
		}
		return false;
	}

	/**
	 * A username as counted: trimmed, lower case, and past {@value #LONGEST} characters
	 * its digest, so that a made-up name of megabytes costs no more to remember.
	 */
	private static String username(String username) {
		String name = (username != null) ? username.trim().toLowerCase(Locale.ROOT) : "";
		return (name.length() <= LONGEST) ? name : "sha256:" + sha256(name);
	}

	/**
	 * A client as counted: its IPv4 address, or the /64 network of an IPv6 one, which a
	 * single host is commonly given whole.
	 */
	static String client(String address) {
		if (address == null || address.indexOf(':') < 0) {
			return (address != null && address.length() <= LONGEST) ? address : "";
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			return (bytes.length == 16) ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address;
		}
		catch (UnknownHostException | SecurityException ex) {
			return "";
		}
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String pair(String username, String client) {
		return username(username) + "\n" + client(client);
	}

}
