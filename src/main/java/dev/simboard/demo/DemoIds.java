package dev.simboard.demo;

/**
 * Turns an index into an opaque-looking ID, a prefix such as {@code job_} and a body of
 * 16 alphanumerics, and back.
 * <p>
 * The body is a keyed permutation of the index plus a check code, so the demo needs no
 * table of IDs: 40,000 runs cost no memory, the same seed gives the same IDs, and a
 * made-up or mistyped ID decodes to nothing instead of to some other run.
 */
final class DemoIds {

	/** Length of the random-looking part after the prefix. */
	static final int LENGTH = 16;

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final int VALUE_DIGITS = 11;

	private static final int CHECK_DIGITS = LENGTH - VALUE_DIGITS;

	private static final long CHECK_MODULUS = 916_132_832L; // 62^5

	private static final long MASK31 = (1L << 31) - 1;

	private static final long MAX_VALUE = 1L << 62;

	// Where each digit goes, so the digit with the narrow range is not always first.
	private static final int[] ORDER = { 3, 14, 0, 9, 6, 12, 1, 15, 7, 4, 11, 2, 13, 8, 5, 10 };

	/** What an ID stands for. The order is part of the keys: new kinds go last. */
	enum Kind {

		ORG("org_"), AGENT("agent_"), BATCH("batch_"), JOB("job_"), TEST_CASE("tc_"), CHAT("chat_"),
		CHAT_ITEM("chat-item-");

		private final String prefix;

		Kind(String prefix) {
			this.prefix = prefix;
		}

	}

	/** The prefix some older runs' chat IDs have instead of {@code chat_}. */
	static final String OLDER_CHAT_PREFIX = "chat-";

	private final long key;

	DemoIds(long seed) {
		this.key = mix(seed ^ 0x5DEECE66DL);
	}

	/** The ID of the given kind, prefix included, for {@code index}. */
	String id(Kind kind, long index) {
		return kind.prefix + encode(kind, index);
	}

	/**
	 * The index an ID of the given kind stands for, or -1 when it is not one of this
	 * codec's, has another prefix, or stands for an index of {@code count} or more.
	 */
	long index(Kind kind, String id, long count) {
		if (id == null || id.length() != kind.prefix.length() + LENGTH || !id.startsWith(kind.prefix)) {
			return -1;
		}
		long index = decode(kind, id.substring(kind.prefix.length()));
		return (index >= 0 && index < count) ? index : -1;
	}

	/** The ID body for {@code index} (0 to 2^62 - 1) of the given kind. */
	String encode(Kind kind, long index) {
		if (index < 0 || index >= MAX_VALUE) {
			throw new IllegalArgumentException("index out of range: " + index);
		}
		long value = permute(kind, index);
		long check = check(kind, value);
		int[] digits = new int[LENGTH];
		for (int i = VALUE_DIGITS - 1; i >= 0; i--) {
			digits[i] = (int) (value % 62);
			value /= 62;
		}
		for (int i = LENGTH - 1; i >= VALUE_DIGITS; i--) {
			digits[i] = (int) (check % 62);
			check /= 62;
		}
		// The leading value digit only ranges over 0-5; shift it by a check digit.
		digits[0] = (digits[0] + digits[VALUE_DIGITS]) % 62;
		char[] body = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			body[i] = ALPHABET.charAt(digits[ORDER[i]]);
		}
		return new String(body);
	}

	/** The index an ID body stands for, or -1 when it is not one this codec made. */
	long decode(Kind kind, String body) {
		if (body == null || body.length() != LENGTH) {
			return -1;
		}
		int[] digits = new int[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			int digit = ALPHABET.indexOf(body.charAt(i));
			if (digit < 0) {
				return -1;
			}
			digits[ORDER[i]] = digit;
		}
		digits[0] = Math.floorMod(digits[0] - digits[VALUE_DIGITS], 62);
		long value = 0;
		for (int i = 0; i < VALUE_DIGITS; i++) {
			if (value > (MAX_VALUE - 1 - digits[i]) / 62) {
				return -1;
			}
			value = value * 62 + digits[i];
		}
		long check = 0;
		for (int i = VALUE_DIGITS; i < LENGTH; i++) {
			check = check * 62 + digits[i];
		}
		return (check == check(kind, value)) ? unpermute(kind, value) : -1;
	}

	/** A 4-round Feistel network over 62 bits: a bijection keyed by seed and kind. */
	private long permute(Kind kind, long index) {
		long left = index >>> 31;
		long right = index & MASK31;
		for (int round = 0; round < 4; round++) {
			long next = left ^ round(kind, round, right);
			left = right;
			right = next;
		}
		return (left << 31) | right;
	}

	private long unpermute(Kind kind, long value) {
		long left = value >>> 31;
		long right = value & MASK31;
		for (int round = 3; round >= 0; round--) {
			long previous = right ^ round(kind, round, left);
			right = left;
			left = previous;
		}
		return (left << 31) | right;
	}

	private long round(Kind kind, int round, long half) {
		return mix(this.key + kind.ordinal() * 0x9E3779B97F4A7C15L + round * 0xC2B2AE3D27D4EB4FL + half) & MASK31;
	}

	private long check(Kind kind, long value) {
		return Math.floorMod(mix(this.key ^ (value * 0xD6E8FEB86659FD93L) + kind.ordinal()), CHECK_MODULUS);
	}

	/** The SplitMix64 finaliser: a cheap, well-spread 64-bit hash. */
	static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
