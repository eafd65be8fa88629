package dev.simboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The AOT cache's training run (see {@link AotTrainingSettings}). Stopping once the
 * context is refreshed, as Spring Boot's {@code spring.context.exit=onRefresh} does,
 * leaves out everything the first request loads (the servlet, security's filters,
 * Thymeleaf), about a second of a start-up measured to its first page; so the training
 * run serves one.
 */
@Component
@ConditionalOnBooleanProperty("simboard.aot-training.enabled")
class AotTraining implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger logger = LoggerFactory.getLogger(AotTraining.class);

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		int status = signInPageStatus(context.getEnvironment());
		logger.info("AOT training run: the sign-in page answered {}; stopping", status);
		System.exit(SpringApplication.exit(context, () -> (status == 200) ? 0 : 1));
	}

	private static int signInPageStatus(Environment environment) {
		URI page = URI.create("http://127.0.0.1:" + environment.getRequiredProperty("local.server.port")
				+ environment.getProperty("server.servlet.context-path", "") + "/login");
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		try {
			return client
				.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(30)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			logger.warn("AOT training run: could not open {}: {}", page, ex.toString());
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

}
