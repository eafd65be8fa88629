package dev.simboard.pagecache;

import java.util.function.Consumer;

/**
 * Put in a page's model as {@link #ATTRIBUTE}, has the page handed over as a
 * {@link KeptPage} once it is rendered, to be sent again as it is. Only pages that read
 * nothing but the data they were kept for, the signed-in user and the CSRF token should
 * carry one.
 *
 * @param shared markup the page includes that other kept pages share, or {@code null}
 * @param keep takes the kept page
 */
public record PageKeeper(SafeHtml shared, Consumer<KeptPage> keep) {

	/** The model attribute a page's keeper goes in. */
	public static final String ATTRIBUTE = "pageKeeper";

}
