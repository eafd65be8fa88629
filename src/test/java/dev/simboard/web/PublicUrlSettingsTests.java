package dev.simboard.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * {@code simboard.public-url} as an operator writes it: an origin, with or without a
 * trailing slash; anything else is refused at start-up, naming the setting.
 */
class PublicUrlSettingsTests {

	private static PublicUrlSettings bind(String value) {
		return new Binder(new MapConfigurationPropertySource(Map.of("simboard.public-url", value)))
			.bindOrCreate("simboard", PublicUrlSettings.class);
	}

	@Test
	void bindWhenOriginThenKeptWithoutTrailingSlash() {
		assertThat(bind("https://simboard.example.com").origin()).isEqualTo("https://simboard.example.com");
		assertThat(bind("https://simboard.example.com/").origin()).isEqualTo("https://simboard.example.com");
		assertThat(bind("HTTP://simboard.example.com:8443/").origin()).isEqualTo("http://simboard.example.com:8443");
	}

	@Test
	void bindWhenEmptyThenUnset() {
		assertThat(bind("").publicUrl()).isNull();
		assertThat(bind("").origin()).isNull();
		assertThat(new Binder(new MapConfigurationPropertySource(Map.of()))
			.bindOrCreate("simboard", PublicUrlSettings.class)
			.origin()).isNull();
	}

	@Test
	void bindWhenNotAnOriginThenRefusedNamingTheSetting() {
		for (String value : List.of("ftp://simboard.example.com", "simboard.example.com", "https:///agents",
				"https://simboard.example.com/simboard", "https://simboard.example.com/?a=1",
				"https://simboard.example.com/#top", "https://qa:secret@simboard.example.com")) {
			assertThatException().as(value)
				.isThrownBy(() -> bind(value))
				.havingRootCause()
				.withMessageContaining("simboard.public-url must be an http or https address with a host");
		}
	}

}
