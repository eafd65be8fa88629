package dev.simboard.demo;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.simboard.sigmamind.SigmaMindTarget;
import jakarta.servlet.ServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ExtendWith(OutputCaptureExtension.class)
class DemoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfiguration.class, DemoConfiguration.class, DemoApiController.class);

	private static final String FIXED_KEY = "bench_upstream_key_0123456789";

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

	@Test
	void contextWhenDemoApiKeySetThenTheDemoApiAcceptsItAndRefusesOthers() {
		this.runner.withPropertyValues("simboard.demo.api-key=" + FIXED_KEY).run((context) -> {
			assertThat(context.getBean(SigmaMindTarget.class).apiKey()).isEqualTo(FIXED_KEY);
			MockMvc mvc = mvc(context);
			mvc.perform(get("/demo-api/v1/agents").header("X-API-Key", FIXED_KEY))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.data.length()").value(4));
			mvc.perform(get("/demo-api/v1/agents").header("X-API-Key", FIXED_KEY + "x"))
				.andExpect(status().isUnauthorized());
			mvc.perform(get("/demo-api/v1/agents").header("X-API-Key", "demo_0123456789abcdefghijklmnopqrstuv"))
				.andExpect(status().isUnauthorized());
			mvc.perform(get("/demo-api/v1/agents")).andExpect(status().isUnauthorized());
		});
	}

	@Test
	void contextWhenDemoApiKeyBlankThenGenerated() {
		this.runner.withPropertyValues("simboard.demo.api-key= ")
			.run((context) -> assertThat(context.getBean(SigmaMindTarget.class).apiKey()).startsWith("demo_"));
	}

	@Test
	void contextWhenDemoApiKeyInvalidThenFailsNamingTheSettingButNotTheKey() {
		for (String key : List.of("short_key_123", "a key with spaces that is long enough", "ключ_0123456789abcdef",
				"k".repeat(201))) {
			this.runner.withPropertyValues("simboard.demo.api-key=" + key).run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("simboard.demo.api-key")
					.hasMessageContaining("16 to 200");
				StringWriter trace = new StringWriter();
				context.getStartupFailure().printStackTrace(new PrintWriter(trace));
				assertThat(trace.toString()).as(key).doesNotContain(key);
			});
		}
	}

	@Test
	void contextWhenLatencySetThenEveryAnswerWaitsForIt() {
		this.runner.withPropertyValues("simboard.demo.latency=300ms", "simboard.demo.api-key=" + FIXED_KEY)
			.run((context) -> {
				assertThat(context.getBean(DemoProperties.class).latency()).isEqualTo(Duration.ofMillis(300));
				// The filter in front of every demo answer, errors included, holds them
				// for
				// it (DemoApiLatencyTests shows how, without waiting in real time).
				FilterRegistrationBean<?> registration = latencyFilter(context);
				assertThat(registration.getFilter()).isInstanceOfSatisfying(DemoApiLatency.class,
						(filter) -> assertThat(filter.latency()).isEqualTo(Duration.ofMillis(300)));
				assertThat(registration.getUrlPatterns()).containsExactly("/demo-api/*");
			});
	}

	@Test
	void contextWhenLatencyNotSetThenZeroAndAnswersPassStraightThrough() {
		this.runner.run((context) -> {
			assertThat(context.getBean(DemoProperties.class)).isEqualTo(DemoProperties.defaults());
			MockHttpServletResponse client = new MockHttpServletResponse();
			AtomicReference<ServletResponse> passed = new AtomicReference<>();
			latencyFilter(context).getFilter()
				.doFilter(new MockHttpServletRequest("GET", "/demo-api/v1/agents"), client,
						(request, response) -> passed.set(response));
			assertThat(passed).hasValue(client);
		});
	}

	@Test
	void latencyFilterWhenDemoThenOnlyOnTheDemoApiAndOutsideSecurity() {
		this.runner.run((context) -> {
			FilterRegistrationBean<?> registration = latencyFilter(context);
			assertThat(registration.getUrlPatterns()).containsExactly("/demo-api/*");
			assertThat(registration.getOrder()).isLessThan(SecurityFilterProperties.DEFAULT_FILTER_ORDER);
		});
		this.runner.withPropertyValues("simboard.sigmamind.api-key=sm_real")
			.run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void contextWhenLatencyNegativeOrOverAMinuteThenFails() {
		for (String latency : List.of("-1ms", "61s")) {
			this.runner.withPropertyValues("simboard.demo.latency=" + latency)
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessageContaining("simboard.demo")
					.hasMessageContaining("latency"));
		}
	}

	@Test
	void contextWhenSizedTranscriptsSetThenShowcaseRunsOfThoseLengths() {
		this.runner.withPropertyValues("simboard.demo.sized-transcripts=50,200,2000").run((context) -> {
			DemoData data = context.getBean(DemoData.class);
			assertThat(data.landmarks().sizedTranscriptRuns()).extracting((run) -> data.conversation(run).size())
				.containsExactly(50, 200, 2_000);
		});
	}

	@Test
	void contextWhenSizedTranscriptsOutOfBoundsThenFailsNamingTheSetting() {
		for (String lengths : List.of("0", "10001", "1,2,3,4,5,6,7,8,9,10,11")) {
			this.runner
				.withPropertyValues("simboard.demo.sized-transcripts=" + lengths,
						"simboard.demo.test-cases-per-batch=20")
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.as(lengths)
					.hasMessageContaining("simboard.demo")
					.hasMessageContaining("sizedTranscripts"));
		}
		this.runner.withPropertyValues("simboard.demo.sized-transcripts=1,2,3,4,5,6,7,8,9")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("simboard.demo.sized-transcripts"));
	}

	@Test
	void announcementWhenFixedKeyAndLatencyThenSaysSoWithoutTheKey(CapturedOutput output) {
		this.runner
			.withPropertyValues("local.server.port=8181", "simboard.demo.api-key=" + FIXED_KEY,
					"simboard.demo.latency=250ms")
			.run((context) -> {
				context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0],
						context.getSourceApplicationContext(), Duration.ZERO));
				assertThat(output).contains("Demo mode is on")
					.contains("accepts the key set in simboard.demo.api-key")
					.contains("250 ms")
					.doesNotContain(FIXED_KEY);
				assertThat(context.getBean(DemoProperties.class).toString()).doesNotContain(FIXED_KEY);
			});
		assertThat(output).doesNotContain(FIXED_KEY);
	}

	private static MockMvc mvc(AssertableApplicationContext context) {
		FilterRegistrationBean<?> latency = latencyFilter(context);
		return MockMvcBuilders.standaloneSetup(context.getBean(DemoApiController.class))
			.addFilter(latency.getFilter(), latency.getUrlPatterns().toArray(String[]::new))
			.build();
	}

	private static FilterRegistrationBean<?> latencyFilter(AssertableApplicationContext context) {
		return context.getBean(FilterRegistrationBean.class);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DemoProperties.class)
	static class PropertiesConfiguration {

	}

}
