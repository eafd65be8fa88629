package dev.simboard.sigmamind;

import java.net.URI;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Points the client at the configured SigmaMind when a key is set; the demo package
 * supplies the target otherwise.
 */
@Configuration(proxyBeanMethods = false)
class SigmaMindConfiguration {

	/** Time for caches, pauses and the breaker; tests replace it to move time by hand. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	@Conditional(DemoModeCondition.Off.class)
	SigmaMindTarget configuredTarget(SigmaMindProperties properties) {
		return new ConfiguredTarget(stripTrailingSlash(properties.baseUrl()), properties.apiKey().trim());
	}

	private static URI stripTrailingSlash(URI uri) {
		String text = uri.toString();
		return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
	}

	private record ConfiguredTarget(URI baseUrl, String apiKey) implements SigmaMindTarget {

		@Override
		public String toString() {
			return "SigmaMindTarget[" + this.baseUrl + "]";
		}

	}

}
