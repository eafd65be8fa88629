package dev.simboard.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Makes every password check cost one bcrypt verification at the configured accounts'
 * work factor, whatever the stored form: a known user with a wrong password and an
 * unknown user (Spring checks a made-up hash from {@link #encode}) take the same time, so
 * the time of an answer tells nothing about which accounts exist. That holds while every
 * account's password is a bcrypt hash of one work factor; {@link #uneven} says when not.
 */
final class EqualWorkPasswordEncoder implements PasswordEncoder {

	private static final String BCRYPT = "{bcrypt}";

	/** The work factor in a bcrypt hash: {@code $2a$12$…}. */
	private static final Pattern COST = Pattern.compile("\\$2[aby]?\\$(\\d{2})\\$");

	/** Spring's own default work factor. */
	private static final int DEFAULT_COST = 10;

	private final PasswordEncoder bcrypt;

	private final PasswordEncoder delegate;

	private final String decoyHash;

	/**
	 * @param bcrypt makes and checks bcrypt hashes, at the accounts' work factor; stored
	 * passwords in Spring's other forms ({@code {noop}}, {@code {pbkdf2}}, …) are checked
	 * as Spring's delegating encoder checks them
	 */
	EqualWorkPasswordEncoder(PasswordEncoder bcrypt) {
		this.bcrypt = bcrypt;
		DelegatingPasswordEncoder delegating = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", bcrypt));
		delegating.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
		this.delegate = delegating;
		this.decoyHash = bcrypt.encode("a password no account has");
	}

	/** The work factor of the slowest bcrypt hash among these stored passwords. */
	static int cost(Collection<String> storedPasswords) {
		int cost = DEFAULT_COST;
		for (String stored : storedPasswords) {
			Matcher matcher = (stored != null && stored.startsWith(BCRYPT)) ? COST.matcher(stored) : null;
			if (matcher != null && matcher.find()) {
				cost = Math.max(cost, Integer.parseInt(matcher.group(1)));
			}
		}
		return cost;
	}

	/**
	 * Whether these stored passwords are not all bcrypt hashes of one work factor, so
	 * that some accounts answer in a different time than an unknown username.
	 */
	static boolean uneven(Collection<String> storedPasswords) {
		Set<String> costs = new HashSet<>();
		for (String stored : storedPasswords) {
			Matcher matcher = (stored != null && stored.startsWith(BCRYPT)) ? COST.matcher(stored) : null;
			if (matcher == null || !matcher.find()) {
				return true;
			}
			costs.add(matcher.group(1));
		}
		return costs.size() > 1;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (encodedPassword == null || !encodedPassword.startsWith(BCRYPT)) {
			decoy(rawPassword);
		}
		return this.delegate.matches(rawPassword, encodedPassword);
	}

	/** Spends what one check costs, and learns nothing. */
	private void decoy(CharSequence rawPassword) {
		this.bcrypt.matches((rawPassword != null) ? rawPassword : "", this.decoyHash);
	}

}
