package dev.simboard.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A kept page goes out as it was rendered, with the request's own CSRF token in each
 * form.
 */
class KeptPageTests {

	private static final String CONTENT_TYPE = "text/html;charset=UTF-8";

	private final SafeHtml body = SafeHtml.rendered("<ol><li>Zoë &amp; co ✓</li></ol>");

	private final String page = "<form><input name=\"_csrf\" value=\"rendered-token\"/></form><main>" + this.body.html()
			+ "</main><form><input name=\"_csrf\" value=\"rendered-token\"/></form>";

	@Test
	void renderWhenKeptThenSendsThePageWithTheRequestsTokenInEachForm() throws Exception {
		KeptPage kept = KeptPage.of(this.page, CONTENT_TYPE, "rendered-token", this.body);
		MockHttpServletResponse response = render(kept, "token-of-this-request");
		String expected = this.page.replace("rendered-token", "token-of-this-request");
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(expected);
		assertThat(response.getContentLength()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8).length);
		assertThat(response.getContentType()).isEqualTo(CONTENT_TYPE);
	}

	@Test
	void ofWhenPagesIncludeTheSameSharedPartThenItIsHeldOnce() {
		KeptPage first = KeptPage.of(this.page, CONTENT_TYPE, "rendered-token", this.body);
		KeptPage second = KeptPage.of(this.page.replace("rendered-token", "other"), CONTENT_TYPE, "other", this.body);
		int shared = this.body.html().getBytes(StandardCharsets.UTF_8).length;
		int withoutTokens = this.page.replace("rendered-token", "").getBytes(StandardCharsets.UTF_8).length;
		assertThat(first.ownBytes()).isEqualTo(withoutTokens - shared);
		assertThat(second.ownBytes()).isEqualTo(first.ownBytes());
		assertThat(this.body.footprint()).isEqualTo(2L * this.body.length() + shared);
	}

	@Test
	void renderWhenPageHasNoSharedPartOrTokenThenSendsItAsItIs() throws Exception {
		KeptPage kept = KeptPage.of("<p>Zoë</p>", CONTENT_TYPE, null, null);
		MockHttpServletResponse response = render(kept, null);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("<p>Zoë</p>");
		assertThat(response.getContentLength()).isEqualTo(11);
	}

	@Test
	void ofWhenPageDoesNotShowTheTokenAsGivenThenKeepsNothing() {
		assertThat(KeptPage.of(this.page, CONTENT_TYPE, "token-escaped-otherwise", this.body)).isNull();
	}

	@Test
	void renderWhenPageHasFormsButRequestHasNoTokenThenRefuses() {
		KeptPage kept = KeptPage.of(this.page, CONTENT_TYPE, "rendered-token", this.body);
		assertThatIllegalStateException().isThrownBy(() -> render(kept, null)).withMessageContaining("CSRF token");
	}

	private static MockHttpServletResponse render(KeptPage kept, String token) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/agents");
		if (token != null) {
			request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", token));
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		kept.render(null, request, response);
		return response;
	}

}
