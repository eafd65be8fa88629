package dev.simboard.demo;

import java.time.Duration;

import dev.simboard.sigmamind.DemoModeCondition;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Demo mode: with no SigmaMind API key configured, Simboard serves a generated demo API
 * under {@code /demo-api} ({@link DemoApiController}) and points its own client at it, so
 * the real client, caches and pages all run on demo data.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoModeCondition.class)
class DemoConfiguration {

	@Bean
	DemoData demoData(DemoProperties properties) {
		return new DemoData(properties);
	}

	@Bean
	DemoTarget demoTarget(Environment environment, DemoProperties properties) {
		return properties.hasApiKey() ? DemoTarget.withConfiguredKey(environment, properties.apiKey())
				: DemoTarget.withGeneratedKey(environment);
	}

	/**
	 * Holds back the demo API's answers for {@code simboard.demo.latency}, and only
	 * theirs. It runs outside Spring Security's filters, so that nothing they write
	 * leaves before the wait either.
	 */
	@Bean
	FilterRegistrationBean<DemoApiLatency> demoApiLatency(DemoProperties properties) {
		FilterRegistrationBean<DemoApiLatency> registration = new FilterRegistrationBean<>(
				new DemoApiLatency(properties.latency()));
		registration.addUrlPatterns(DemoTarget.PATH + "/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	DemoModeAnnouncement demoModeAnnouncement(DemoData data, DemoTarget target) {
		return new DemoModeAnnouncement(data, target);
	}

	/** Says once, when the application is ready, that it runs on demo data. */
	static final class DemoModeAnnouncement implements ApplicationListener<ApplicationReadyEvent> {

		private static final Log logger = LogFactory.getLog(DemoModeAnnouncement.class);

		private final DemoData data;

		private final DemoTarget target;

		DemoModeAnnouncement(DemoData data, DemoTarget target) {
			this.data = data;
			this.target = target;
		}

		@Override
		public void onApplicationEvent(ApplicationReadyEvent event) {
			logger.info(message());
		}

		// Never the key: it only travels between the demo API and its clients.
		String message() {
			DemoProperties properties = this.data.properties();
			String message = String.format(
					"Demo mode is on: no SigmaMind API key is configured, so Simboard reads a generated demo "
							+ "SigmaMind API that it serves itself at %s.%n"
							+ "  Demo data set: %d agents, %d batch runs, %d test cases, %d test runs (seed %d); "
							+ "one batch run is still running.%n"
							+ "  To read real data, set SIGMAMIND_API_KEY (and optionally SIGMAMIND_BASE_URL) "
							+ "and restart.",
					this.target.baseUrl(), this.data.agents().size(), this.data.batchCount(), this.data.testCaseCount(),
					this.data.runCount(), properties.seed());
			if (properties.hasApiKey()) {
				message += String.format("%n  The demo API accepts the key set in simboard.demo.api-key.");
			}
			if (properties.latency().compareTo(Duration.ZERO) > 0) {
				message += String.format("%n  Every demo API answer takes at least %d ms (simboard.demo.latency).",
						properties.latency().toMillis());
			}
			return message;
		}

	}

}
