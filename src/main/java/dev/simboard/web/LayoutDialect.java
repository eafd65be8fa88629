package dev.simboard.web;

import java.util.Set;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractElementTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.processor.StandardXmlNsTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.web.IWebExchange;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * {@code <sb:post-forms/>}: where the layout writes the page's {@link PostForms}, at the
 * end of its body. Like {@code xmlns:th}, the {@code xmlns:sb} that templates declare for
 * their editors is left out of the page: HTML has no such attribute.
 */
@Component
class LayoutDialect extends AbstractProcessorDialect {

	LayoutDialect() {
		super("Simboard layout", "sb", StandardDialect.PROCESSOR_PRECEDENCE);
	}

	@Override
	public Set<IProcessor> getProcessors(String dialectPrefix) {
		return Set.of(new PostFormsProcessor(dialectPrefix),
				new StandardXmlNsTagProcessor(TemplateMode.HTML, dialectPrefix));
	}

	static final class PostFormsProcessor extends AbstractElementTagProcessor {

		PostFormsProcessor(String prefix) {
			super(TemplateMode.HTML, prefix, "post-forms", true, null, false, StandardDialect.PROCESSOR_PRECEDENCE);
		}

		@Override
		protected void doProcess(ITemplateContext context, IProcessableElementTag tag,
				IElementTagStructureHandler structureHandler) {
			if (!(context instanceof IWebContext web)) {
				structureHandler.removeElement();
				return;
			}
			IWebExchange exchange = web.getExchange();
			var forms = PostForms.of(exchange.getPrincipal() != null, context.getVariable(PostForms.ATTRIBUTE));
			if (exchange.getAttributeValue(PostForms.DEFERRED) instanceof PostForms.Deferred deferred) {
				deferred.set(forms);
				structureHandler.removeElement();
				return;
			}
			CsrfToken token = (exchange.getAttributeValue(CsrfToken.class.getName()) instanceof CsrfToken found) ? found
					: null;
			structureHandler.replaceWith(PostForms.html(exchange.getRequest().getApplicationPath(), forms, token),
					false);
		}

	}

}
