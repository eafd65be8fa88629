package dev.simboard.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Web server settings that make every refusal reach Simboard's own error page.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	/**
	 * Tomcat refuses {@code %2F} in a path with its own bare page; passing it through
	 * lets Spring Security's firewall refuse it instead, with Simboard's 400 page.
	 */
	@Bean
	TomcatConnectorCustomizer encodedSlashReachesFirewall() {
		return (connector) -> connector.setEncodedSolidusHandling("passthrough");
	}

}
