package dev.simboard.pagecache;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * Renders a template fragment on its own, for a part of a page worth rendering once and
 * keeping, such as a finished run's transcript. The fragment escapes what it shows as any
 * template does; it is rendered without a request, so its links must come whole in its
 * variables.
 */
@Component
public class HtmlFragments {

	private final ITemplateEngine engine;

	HtmlFragments(ITemplateEngine engine) {
		this.engine = engine;
	}

	/** The fragment {@code fragment} of {@code template}, given these variables. */
	public SafeHtml render(String template, String fragment, Map<String, Object> variables) {
		return SafeHtml.rendered(this.engine.process(template, Set.of(fragment), new Context(Locale.ROOT, variables)));
	}

}
