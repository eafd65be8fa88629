package dev.simboard.demo;

import dev.simboard.sigmamind.DemoModeCondition;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
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
	DemoTarget demoTarget(Environment environment) {
		return DemoTarget.withGeneratedKey(environment);
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

		// Never the key: it only travels between Simboard's client and its demo API.
		String message() {
			DemoProperties properties = this.data.properties();
			return String.format(
					"Demo mode is on: no SigmaMind API key is configured, so Simboard reads a generated demo "
							+ "SigmaMind API that it serves itself at %s.%n"
							+ "  Demo data set: %d agents, %d batch runs, %d test cases, %d test runs (seed %d); "
							+ "one batch run is still running.%n"
							+ "  To read real data, set SIGMAMIND_API_KEY (and optionally SIGMAMIND_BASE_URL) "
							+ "and restart.",
					this.target.baseUrl(), this.data.agents().size(), this.data.batchCount(), this.data.testCaseCount(),
					this.data.runCount(), properties.seed());
		}

	}

}
