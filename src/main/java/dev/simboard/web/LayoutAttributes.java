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

	private final String publicUrl;

	LayoutAttributes(@Value("${simboard.sigmamind.api-key:}") String apiKey, PublicUrlSettings publicUrl) {
		this.demoMode = !StringUtils.hasText(apiKey);
		this.publicUrl = publicUrl.origin();
	}

	/** Whether the pages show the embedded demo data rather than a real SigmaMind. */
	@ModelAttribute("demoMode")
	boolean demoMode() {
		return this.demoMode;
	}

	/**
	 * Simboard's public address, or {@code null}: copied links go under it rather than
	 * under whatever address the browser reached Simboard at.
	 */
	@ModelAttribute("publicUrl")
	String publicUrl() {
		return this.publicUrl;
	}

}
