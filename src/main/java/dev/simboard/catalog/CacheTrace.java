package dev.simboard.catalog;

/**
 * Counts, per request thread, how many catalog reads the cache answered and how many had
 * to wait for SigmaMind, so the request log can say so.
 */
public final class CacheTrace {

	private static final ThreadLocal<int[]> counts = ThreadLocal.withInitial(() -> new int[2]);

	private CacheTrace() {
	}

	static void hit() {
		counts.get()[0]++;
	}

	static void miss() {
		counts.get()[1]++;
	}

	/** The hits and misses since the last call on this thread, which resets them. */
	public static int[] takeCounts() {
		int[] taken = counts.get().clone();
		counts.remove();
		return taken;
	}

}
