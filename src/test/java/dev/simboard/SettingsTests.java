package dev.simboard;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Settings as an operator meets them: from secret files, checked at start-up, and all of
 * them documented.
 */
class SettingsTests {

	private static ConfigurableApplicationContext start(String... args) {
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--simboard.security.users[0].name=qa",
				"--simboard.security.users[0].password={noop}secret"));
		all.addAll(List.of(args));
		return new SpringApplicationBuilder(SimboardApplication.class).run(all.toArray(String[]::new));
	}

	@Test
	void keyWhenOnlyInASecretFileThenReachesSigmaMind(@TempDir Path secrets) throws Exception {
		WireMockServer sigmaMind = new WireMockServer(options().dynamicPort());
		sigmaMind.start();
		try {
			sigmaMind.stubFor(get(urlPathEqualTo("/v1/agents")).willReturn(okJson("{\"data\":[]}")));
			Files.writeString(secrets.resolve("simboard.sigmamind.api-key"), "key-from-a-file\n");
			try (ConfigurableApplicationContext app = start("--SIMBOARD_SECRETS_DIR=" + secrets + "/",
					"--simboard.sigmamind.base-url=" + sigmaMind.baseUrl())) {
				int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
				WebSession session = new WebSession(port);
				session.signIn("qa", "secret");
				assertThat(session.get("/agents").statusCode()).isEqualTo(200);
			}
			sigmaMind.verify(
					getRequestedFor(urlPathEqualTo("/v1/agents")).withHeader("X-API-Key", equalTo("key-from-a-file")));
		}
		finally {
			sigmaMind.stop();
		}
	}

	@Test
	void startWhenTtlNegativeThenRefusesNamingTheSetting() {
		assertThatThrownBy(() -> start("--simboard.sigmamind.api-key=k", "--simboard.cache.list-ttl=-5s").close())
			.rootCause()
			.hasMessageContaining("listTtl");
		assertThatThrownBy(() -> start("--simboard.sigmamind.api-key=k", "--simboard.cache.list-ttl=-5s").close())
			.hasMessageContaining("simboard.cache");
	}

	@Test
	void startWhenBaseUrlMalformedThenRefusesNamingTheSetting() {
		assertThatThrownBy(
				() -> start("--simboard.sigmamind.api-key=k", "--simboard.sigmamind.base-url=http://exa mple").close())
			.hasMessageContaining("simboard.sigmamind");
	}

	@Test
	void startWhenPublicUrlHasAPathThenRefusesNamingTheSetting() {
		assertThatThrownBy(() -> start("--simboard.sigmamind.api-key=k",
				"--simboard.public-url=https://simboard.example.com/simboard")
			.close()).rootCause().hasMessageContaining("simboard.public-url");
	}

	@Test
	void everySettingInTheMetadataHasADescriptionAndARowInTheReadme() throws Exception {
		JsonNode metadata = JsonMapper.builder()
			.build()
			.readTree(Path.of("target/classes/META-INF/spring-configuration-metadata.json").toFile());
		String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
		List<String> names = new ArrayList<>();
		for (JsonNode property : metadata.get("properties")) {
			String name = property.get("name").asString();
			if (name.startsWith("simboard.")) {
				names.add(name);
				assertThat(property.path("description").asString("")).as(name).isNotBlank();
				assertThat(readme).as("README row for " + name).contains("`" + name);
			}
		}
		assertThat(names).hasSizeGreaterThan(30);
		Matcher documented = Pattern.compile("\\| `(simboard\\.[a-z0-9.-]+)").matcher(readme);
		while (documented.find()) {
			assertThat(names).as("README documents " + documented.group(1) + ", which does not exist")
				.anyMatch((name) -> name.equals(documented.group(1)) || name.startsWith(documented.group(1)));
		}
	}

}
