package dev.simboard.pagecache;

import java.util.Set;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.templatemode.TemplateMode;

import org.springframework.stereotype.Component;

/**
 * {@code sb:rendered="${…}"}: replaces its element with {@link SafeHtml}, and with
 * nothing else. Templates may not write unescaped text ({@code th:utext} is refused by a
 * test); this is the one way to include markup, and it takes only what a template
 * rendered.
 */
@Component
class SafeHtmlDialect extends AbstractProcessorDialect {

	SafeHtmlDialect() {
		// After the standard dialect, so th:if and th:unless decide first whether the
		// element stays.
		super("Simboard", "sb", StandardDialect.PROCESSOR_PRECEDENCE + 100);
	}

	@Override
	public Set<IProcessor> getProcessors(String dialectPrefix) {
		return Set.of(new RenderedProcessor(dialectPrefix));
	}

	static final class RenderedProcessor extends AbstractAttributeTagProcessor {

		RenderedProcessor(String prefix) {
			super(TemplateMode.HTML, prefix, null, false, "rendered", true, StandardDialect.PROCESSOR_PRECEDENCE, true);
		}

		@Override
		protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
				String attributeValue, IElementTagStructureHandler structureHandler) {
			Object value = StandardExpressions.getExpressionParser(context.getConfiguration())
				.parseExpression(context, attributeValue)
				.execute(context);
			if (!(value instanceof SafeHtml html)) {
				throw new TemplateProcessingException("sb:rendered takes only SafeHtml, not "
						+ ((value != null) ? value.getClass().getName() : "null"));
			}
			structureHandler.replaceWith(html.html(), false);
		}

	}

}
