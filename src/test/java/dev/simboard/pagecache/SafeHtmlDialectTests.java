package dev.simboard.pagecache;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code sb:rendered} takes only markup a template rendered: untrusted text stays escaped
 * even when it passes through a kept fragment.
 */
class SafeHtmlDialectTests {

	private final SpringTemplateEngine engine = engine();

	private static SpringTemplateEngine engine() {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(new StringTemplateResolver());
		engine.addDialect(new SafeHtmlDialect());
		return engine;
	}

	private String page(Object part) {
		Context context = new Context();
		context.setVariable("part", part);
		return this.engine.process("<main><div sb:rendered=\"${part}\">placeholder</div></main>", context);
	}

	@Test
	void renderedWhenSafeHtmlFromATemplateThenReplacesTheElementWithTextStillEscaped() {
		SafeHtml fragment = new HtmlFragments(this.engine).render(
				"<ol th:fragment=\"chat\"><li th:each=\"t : ${texts}\" th:text=\"${t}\">x</li></ol>", "chat",
				Map.of("texts", List.of("<script>alert(1)</script>", "Zoë & co")));
		assertThat(page(fragment))
			.isEqualTo("<main><ol><li>&lt;script&gt;alert(1)&lt;/script&gt;</li><li>Zoë &amp; co</li></ol></main>");
	}

	@Test
	void renderedWhenPlainStringThenRefusesIt() {
		assertThatExceptionOfType(TemplateProcessingException.class).isThrownBy(() -> page("<script>alert(1)</script>"))
			.withStackTraceContaining("sb:rendered takes only SafeHtml, not java.lang.String");
	}

	@Test
	void renderedWhenNullThenRefusesIt() {
		assertThatExceptionOfType(TemplateProcessingException.class).isThrownBy(() -> page(null))
			.withStackTraceContaining("not null");
	}

}
