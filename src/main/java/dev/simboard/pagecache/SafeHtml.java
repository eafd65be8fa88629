package dev.simboard.pagecache;

import java.nio.charset.StandardCharsets;

/**
 * Markup that Simboard's own templates rendered, with every value escaped on the way: the
 * one kind of HTML a page may include as it is, with {@code sb:rendered}. Only
 * {@link HtmlFragments} makes it, so untrusted text can only become SafeHtml through a
 * template.
 */
public final class SafeHtml {

	private final String html;

	/** UTF-8, encoded when a kept page first includes it; then shared by all of them. */
	private volatile byte[] utf8;

	private SafeHtml(String html) {
		this.html = html;
	}

	static SafeHtml rendered(String html) {
		return new SafeHtml(html);
	}

	/** The markup. */
	public String html() {
		return this.html;
	}

	/** Its length in characters. */
	public int length() {
		return this.html.length();
	}

	/** About how many bytes it holds, for cache weights. */
	public long footprint() {
		byte[] bytes = this.utf8;
		return 2L * this.html.length() + ((bytes != null) ? bytes.length : 0);
	}

	/** The markup in UTF-8; one array however many kept pages include it. */
	byte[] utf8() {
		byte[] bytes = this.utf8;
		if (bytes == null) {
			// Once: every page that includes it must hold the same array.
			synchronized (this) {
				bytes = this.utf8;
				if (bytes == null) {
					bytes = this.html.getBytes(StandardCharsets.UTF_8);
					this.utf8 = bytes;
				}
			}
		}
		return bytes;
	}

	@Override
	public String toString() {
		return "SafeHtml[" + this.html.length() + " chars]";
	}

}
