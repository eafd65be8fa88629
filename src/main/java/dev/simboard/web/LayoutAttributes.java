package dev.simboard.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout shows on every page.
 */
@ControllerAdvice
class LayoutAttributes {

	private final boolean demoMode;

	LayoutAttributes(@Value("${simboard.sigmamind.api-key:}") String apiKey) {
		this.demoMode = !StringUtils.hasText(apiKey);
	}

	/** Whether the pages show the embedded demo data rather than a real SigmaMind. */
	@ModelAttribute("demoMode")
	boolean demoMode() {
		return this.demoMode;
	}

}
