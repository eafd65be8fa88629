package dev.simboard.pagecache;

/**
 * For tests elsewhere that must plant markup as Simboard itself would have sealed it.
 */
public final class Seals {

	private Seals() {
	}

	/** The seal {@code secret}'s {@link HtmlSeal} gives this markup. */
	public static String seal(String secret, String renderer, String subject, String html) {
		return HtmlSeal.keyedBy(secret).seal(renderer, subject, SafeHtml.rendered(html));
	}

}
