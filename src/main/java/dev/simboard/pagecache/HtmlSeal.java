package dev.simboard.pagecache;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Vouches for markup Simboard rendered when it is stored outside the process (a finished
 * run's body, kept in the archive's database) and vouches again when it comes back: an
 * HMAC-SHA256 over what rendered it, what it is of, and the markup. Markup whose seal
 * does not match (changed in the database, or sealed with another key) is never sent: so
 * the database cannot hand a browser markup that escaped nothing.
 * <p>
 * The key is derived from a secret every replica holds and the database does not: the
 * SigmaMind API key. Without one (demo mode) the key is this process's own, and nothing
 * it seals outlives the process ({@link #lasting()} is false).
 */
public final class HtmlSeal {

	private static final String ALGORITHM = "HmacSHA256";

	private static final HexFormat HEX = HexFormat.of();

	private final SecretKeySpec key;

	private final boolean lasting;

	private HtmlSeal(byte[] key, boolean lasting) {
		this.key = new SecretKeySpec(key, ALGORITHM);
		this.lasting = lasting;
	}

	/**
	 * A seal keyed by {@code secret}; with a blank or {@code null} one, a seal of this
	 * process's own.
	 */
	public static HtmlSeal keyedBy(String secret) {
		if (secret == null || secret.isBlank()) {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			return new HtmlSeal(random, false);
		}
		// Not the secret itself: a key of its own, for this use only. Stripped, as the
		// client sends it.
		byte[] derived = mac(new SecretKeySpec(secret.strip().getBytes(StandardCharsets.UTF_8), ALGORITHM),
				"simboard: rendered page bodies, v1");
		return new HtmlSeal(derived, true);
	}

	/**
	 * Whether what it seals can be opened by another process with the same secret (a
	 * restarted Simboard, another replica).
	 */
	public boolean lasting() {
		return this.lasting;
	}

	/** The seal of {@code html}, rendered by {@code renderer} for {@code subject}. */
	public String seal(String renderer, String subject, SafeHtml html) {
		return HEX.formatHex(mac(this.key, sealed(renderer, subject, html.html())));
	}

	/**
	 * The markup, when {@code seal} is its seal for this renderer and subject; else
	 * empty.
	 */
	public Optional<SafeHtml> open(String renderer, String subject, String html, String seal) {
		byte[] expected = mac(this.key, sealed(renderer, subject, html));
		byte[] given;
		try {
			given = HEX.parseHex(seal);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		return MessageDigest.isEqual(expected, given) ? Optional.of(SafeHtml.rendered(html)) : Optional.empty();
	}

	/** Lengths first, so no two (renderer, subject, markup) run together alike. */
	private static String sealed(String renderer, String subject, String html) {
		return renderer.length() + ":" + renderer + subject.length() + ":" + subject + html;
	}

	private static byte[] mac(SecretKeySpec key, String text) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			// HmacSHA256 is in every JDK.
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return "HtmlSeal[" + (this.lasting ? "lasting" : "this process's own") + "]";
	}

}
