package dev.simboard.security;

import org.junit.jupiter.api.Test;

import dev.simboard.security.SecurityConfiguration.SameSiteRedirectStrategy;

import static org.assertj.core.api.Assertions.assertThat;

class SameSiteRedirectStrategyTests {

	@Test
	void sameSiteWhenAbsoluteThenKeepsOnlyPathAndQuery() {
		assertThat(SameSiteRedirectStrategy.sameSite("https://evil.example/agents/a?x=1", ""))
			.isEqualTo("/agents/a?x=1");
		assertThat(SameSiteRedirectStrategy.sameSite("http://localhost:8080/app/agents", "/app")).isEqualTo("/agents");
	}

	@Test
	void sameSiteWhenSchemeRelativeThenItsPathOnThisSite() {
		assertThat(SameSiteRedirectStrategy.sameSite("//evil.example/x", "")).isEqualTo("/x");
	}

	@Test
	void sameSiteWhenNotAnAddressThenHome() {
		assertThat(SameSiteRedirectStrategy.sameSite("javascript:alert(1)", "")).isEqualTo("/");
		assertThat(SameSiteRedirectStrategy.sameSite("not a url", "")).isEqualTo("/");
	}

}
