package dev.simboard.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code simboard.public-url} set, a request reports the public address whatever
 * host it came to, and a redirect to a path goes out under that address.
 */
class PublicUrlFilterTests {

	private static final PublicUrlSettings PUBLIC = new PublicUrlSettings(URI.create("https://simboard.example.com/"));

	/** A request that came to {@code http://evil.example:8666/ctx/agents}. */
	private static MockHttpServletRequest forged() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ctx/agents");
		request.setContextPath("/ctx");
		request.setScheme("http");
		request.setServerName("evil.example");
		request.setServerPort(8666);
		request.addHeader("Host", "evil.example:8666");
		request.addHeader("X-Forwarded-Host", "evil.example");
		return request;
	}

	private static MockFilterChain redirecting(String location) {
		return new MockFilterChain(new HttpServlet() {
			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
				response.sendRedirect(location);
			}
		});
	}

	private static String redirectFor(PublicUrlSettings settings, String location) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new PublicUrlFilter(settings).doFilter(forged(), response, redirecting(location));
		return response.getRedirectedUrl();
	}

	@Test
	void filterWhenSetThenRequestReportsThePublicAddress() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		new PublicUrlFilter(PUBLIC).doFilter(forged(), new MockHttpServletResponse(), chain);
		HttpServletRequest seen = (HttpServletRequest) chain.getRequest();
		assertThat(seen.getScheme()).isEqualTo("https");
		assertThat(seen.getServerName()).isEqualTo("simboard.example.com");
		assertThat(seen.getServerPort()).isEqualTo(443);
		assertThat(seen.isSecure()).isTrue();
		assertThat(seen.getRequestURL()).hasToString("https://simboard.example.com/ctx/agents");
	}

	@Test
	void redirectWhenSetAndToAPathThenUnderThePublicAddress() throws Exception {
		assertThat(redirectFor(PUBLIC, "/ctx/agents/a1")).isEqualTo("https://simboard.example.com/ctx/agents/a1");
		assertThat(redirectFor(PUBLIC, "login?error")).isEqualTo("https://simboard.example.com/ctx/login?error");
	}

	@Test
	void redirectWhenSetAndElsewhereThenLeftAsItIs() throws Exception {
		assertThat(redirectFor(PUBLIC, "https://sso.example.com/authorize?x=1"))
			.isEqualTo("https://sso.example.com/authorize?x=1");
		assertThat(redirectFor(PUBLIC, "//sso.example.com/")).isEqualTo("//sso.example.com/");
	}

	@Test
	void filterWhenUnsetThenRequestAndRedirectsAsTheyCame() throws Exception {
		PublicUrlSettings unset = new PublicUrlSettings(null);
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletRequest request = forged();
		new PublicUrlFilter(unset).doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isSameAs(request);
		assertThat(redirectFor(unset, "/ctx/agents")).isEqualTo("/ctx/agents");
	}

}
