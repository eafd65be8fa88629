package dev.simboard.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import dev.simboard.model.Id;
import dev.simboard.catalog.ArchiveStatus;
import dev.simboard.sigmamind.DemoMode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;

/**
 * What the layout shows on every page, and the ID rule its forms check as you type.
 */
@ControllerAdvice
class LayoutAttributes {

	private final boolean demoMode;

	private final String publicUrl;

	private final ObjectProvider<ArchiveStatus> archive;

	LayoutAttributes(Environment environment, PublicUrlSettings publicUrl, ObjectProvider<ArchiveStatus> archive) {
		this.demoMode = DemoMode.in(environment);
		this.publicUrl = publicUrl.origin();
		this.archive = archive;
	}

	/**
	 * Whether the archive's database failed lately: the layout tells admins, since pages
	 * go on without it.
	 */
	@ModelAttribute("archiveTrouble")
	boolean archiveTrouble() {
		ArchiveStatus status = this.archive.getIfAvailable();
		return status != null && status.troubled();
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

	/**
	 * The agent whose page this is (its address names one), or {@code null}: the
	 * quick-open box sends it along, so that text which is no ID can be offered as a
	 * search of this agent's conversations.
	 */
	@ModelAttribute("pageAgent")
	String pageAgent(HttpServletRequest request) {
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		Object agentId = (variables instanceof Map<?, ?> map) ? map.get("agentId") : null;
		return (agentId instanceof String id && Id.valid(id)) ? id : null;
	}

	/** {@link Id#REGEXP}, for the {@code pattern} of a form's ID field. */
	@ModelAttribute("idPattern")
	String idPattern() {
		return Id.REGEXP;
	}

}
