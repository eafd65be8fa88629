package dev.simboard.web;

import java.time.Clock;

import jakarta.servlet.DispatcherType;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import dev.simboard.model.Id;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.apache.catalina.core.StandardHost;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Web settings: IDs in addresses are read as {@link Id}s; every refusal reaches
 * Simboard's own error page; stale data is announced; Simboard's public address, when
 * set, is the one every request reports.
 */
@Configuration(proxyBeanMethods = false)
// Here rather than by the scan, so page slices have the setting too.
@EnableConfigurationProperties(PublicUrlSettings.class)
class WebConfiguration implements WebMvcConfigurer {

	private final Clock clock;

	WebConfiguration(ObjectProvider<Clock> clock) {
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Reads path variables, query parameters and form fields typed {@link Id}. An ID that
	 * breaks the rule fails the conversion, which {@link ErrorPages} answers with a 400
	 * page naming the parameter. An empty value is no value, as Spring reads an empty
	 * number: an optional filter left at "All" is absent, a required one is refused.
	 */
	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(String.class, Id.class, (value) -> value.isEmpty() ? null : Id.of(value));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new StaleNotice(this.clock));
	}

	@Bean
	FilterRegistrationBean<RequestLog> requestLog() {
		FilterRegistrationBean<RequestLog> registration = new FilterRegistrationBean<>(new RequestLog());
		// Outermost, so the duration covers sign-in checks and error pages too.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<PublicUrlFilter> publicUrl(PublicUrlSettings settings) {
		FilterRegistrationBean<PublicUrlFilter> registration = new FilterRegistrationBean<>(
				new PublicUrlFilter(settings));
		// Inside Spring's ForwardedHeaderFilter (HIGHEST_PRECEDENCE), so the setting wins
		// over forwarded headers; outside Spring Security, whose redirects it completes.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

	/**
	 * Off: with webjars-locator-lite on the classpath (for htmx), Boot adds a filter that
	 * looks every link a page writes up among the static resources, to rewrite it with a
	 * version. A batch page writes hundreds of links, and spent most of its time there
	 * (51 ms against 8 ms for a 10,000-run batch). Simboard's links need no rewriting:
	 * the webjar handler serves version-free paths itself.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	TomcatContextCustomizer plainErrorReports() {
		return (context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(PlainErrorReportValve.class.getName());
			}
		};
	}

	/**
	 * Tomcat refuses {@code %2F} in a path with its own bare page; passing it through
	 * lets Spring Security's firewall refuse it instead, with Simboard's 400 page.
	 */
	@Bean
	TomcatConnectorCustomizer encodedSlashReachesFirewall() {
		return (connector) -> connector.setEncodedSolidusHandling("passthrough");
	}

}
