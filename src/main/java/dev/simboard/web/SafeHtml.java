package dev.simboard.web;

/**
 * Markup that Simboard's own templates rendered, with every value escaped on the way: the
 * one kind of HTML a page may include as it is, with {@code sb:rendered}. Only
 * {@link HtmlFragments} makes it, so untrusted text can only become SafeHtml through a
 * template.
 */
public final class SafeHtml {

	private final String html;

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

	/** Its length in characters, for cache weights. */
	public int length() {
		return this.html.length();
	}

	@Override
	public String toString() {
		return "SafeHtml[" + this.html.length() + " chars]";
	}

}
