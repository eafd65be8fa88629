package dev.simboard.security;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.simboard.WebSession;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on end to end against a real OpenID Connect provider on a local port
 * (mock-oauth2-server), on the demo data.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SsoTests {

	static final MockOAuth2Server provider = new MockOAuth2Server();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void sso(DynamicPropertyRegistry registry) {
		provider.start();
		String prefix = "spring.security.oauth2.client.";
		registry.add(prefix + "registration.corp.client-id", () -> "simboard");
		registry.add(prefix + "registration.corp.client-secret", () -> "simboard-secret");
		registry.add(prefix + "registration.corp.client-name", () -> "Corp SSO");
		registry.add(prefix + "registration.corp.scope", () -> "openid,email,profile");
		registry.add(prefix + "provider.corp.issuer-uri", () -> provider.issuerUrl("corp").toString());
		registry.add("simboard.security.sso.allowed-email-domain", () -> "example.com");
		registry.add("simboard.security.sso.admins", () -> "ann@example.com");
	}

	@AfterAll
	static void stop() {
		provider.shutdown();
	}

	/**
	 * Walks the redirects of an SSO sign-in, across both servers, until Simboard's
	 * answer.
	 */
	private HttpResponse<String> signInThroughProvider(WebSession session, String email) throws Exception {
		provider.enqueueCallback(new DefaultOAuth2TokenCallback("corp", email.substring(0, email.indexOf('@')), "JWT",
				List.of("simboard"), Map.of("email", email, "email_verified", true), 3600));
		HttpResponse<String> step = session.get("/oauth2/authorization/corp");
		for (int hops = 0; hops < 5; hops++) {
			String location = step.headers().firstValue("Location").orElseThrow();
			URI next = URI.create(step.uri().resolve(location).toString());
			if (next.getPort() == this.port && !next.getPath().startsWith("/login/oauth2/code")) {
				return step;
			}
			step = session.getUrl(next.toString());
		}
		return step;
	}

	@Test
	void loginPageOffersTheProvider() throws Exception {
		String page = new WebSession(this.port).get("/login").body();
		assertThat(page).contains("Sign in with Corp SSO", "/oauth2/authorization/corp");
	}

	@Test
	void permalinkWhenSignedOutThenSsoLeadsBackToTheSameAddress() throws Exception {
		WebSession colleague = new WebSession(this.port);
		String permalink = "/agents?q=billing";
		assertThat(colleague.get(permalink).headers().firstValue("Location").orElseThrow()).endsWith("/login");
		HttpResponse<String> back = signInThroughProvider(colleague, "bob@example.com");
		assertThat(back.headers().firstValue("Location").orElseThrow())
			.isEqualTo("http://localhost:" + this.port + permalink);
		HttpResponse<String> page = colleague.get(permalink);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("bob@example.com", "Billing Support").doesNotContain(">Admin<");
		assertThat(colleague.get("/admin").statusCode()).isEqualTo(403);
	}

	@Test
	void ssoWhenListedAsAdminThenAdminPageOpens() throws Exception {
		WebSession ann = new WebSession(this.port);
		signInThroughProvider(ann, "ann@example.com");
		assertThat(ann.get("/admin").statusCode()).isEqualTo(200);
	}

	@Test
	void ssoWhenEmailOutsideAllowedDomainThenRefused() throws Exception {
		WebSession mallory = new WebSession(this.port);
		HttpResponse<String> back = signInThroughProvider(mallory, "mallory@evil.example");
		assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/login?denied");
		assertThat(mallory.get("/agents").statusCode()).isEqualTo(302);
		assertThat(mallory.get("/login?denied").body()).contains("Single sign-on did not let you in");
	}

}
