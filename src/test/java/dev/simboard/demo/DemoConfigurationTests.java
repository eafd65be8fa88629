package dev.simboard.demo;

import java.time.Duration;

import dev.simboard.sigmamind.SigmaMindTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class DemoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfiguration.class, DemoConfiguration.class, DemoApiController.class);

	@Test
	void contextWhenNoApiKeyThenServesTheDemo() {
		this.runner.withPropertyValues("simboard.demo.agents=2", "simboard.demo.batches-per-agent=3").run((context) -> {
			assertThat(context).hasSingleBean(DemoData.class)
				.hasSingleBean(SigmaMindTarget.class)
				.hasSingleBean(DemoApiController.class);
			assertThat(context.getBean(DemoData.class).batchCount()).isEqualTo(6);
			assertThat(context.getBean(SigmaMindTarget.class).apiKey()).startsWith("demo_");
		});
	}

	@Test
	void contextWhenApiKeyThenNoDemo() {
		this.runner.withPropertyValues("simboard.sigmamind.api-key=sm_real").run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(DemoData.class)
				.doesNotHaveBean(SigmaMindTarget.class)
				.doesNotHaveBean(DemoApiController.class);
		});
	}

	@Test
	void contextWhenSizeBelowMinimumThenFails() {
		this.runner.withPropertyValues("simboard.demo.agents=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("simboard.demo"));
	}

	@Test
	void announcementWhenReadyThenSaysHowToUseRealDataWithoutTheKey(CapturedOutput output) {
		this.runner.withPropertyValues("local.server.port=8181").run((context) -> {
			DemoTarget target = context.getBean(DemoTarget.class);
			context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0],
					context.getSourceApplicationContext(), Duration.ZERO));
			assertThat(output).contains("Demo mode is on")
				.contains("http://127.0.0.1:8181/demo-api")
				.contains("4 agents, 24 batch runs, 24 test cases, 288 test runs")
				.contains("SIGMAMIND_API_KEY")
				.contains("SIGMAMIND_BASE_URL")
				.doesNotContain(target.apiKey());
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DemoProperties.class)
	static class PropertiesConfiguration {

	}

}
