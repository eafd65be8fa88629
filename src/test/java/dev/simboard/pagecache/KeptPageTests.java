package dev.simboard.pagecache;

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

	/** What a page to keep is rendered with in place of the CSRF token. */
	private static final String STAND_IN = "keptpagetoken0123456789abcdef0123456789abcdef";

	private final SafeHtml body = SafeHtml.rendered("<ol><li>Zoë &amp; co ✓</li></ol>");

	private final String page = "<form><input name=\"_csrf\" value=\"" + STAND_IN + "\"/></form><main>"
			+ this.body.html() + "</main><form><input name=\"_csrf\" value=\"" + STAND_IN + "\"/></form>";

	@Test
	void renderWhenKeptThenSendsThePageWithTheRequestsTokenInEachForm() throws Exception {
		KeptPage kept = KeptPage.of(this.page, CONTENT_TYPE, STAND_IN, this.body, null);
		MockHttpServletResponse response = render(kept, "token-of-this-request");
		String expected = this.page.replace(STAND_IN, "token-of-this-request");
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(expected);
		assertThat(response.getContentLength()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8).length);
		assertThat(response.getContentType()).isEqualTo(CONTENT_TYPE);
	}

	@Test
	void ofWhenPagesIncludeTheSameSharedPartThenItIsHeldOnce() {
		KeptPage first = KeptPage.of(this.page, CONTENT_TYPE, STAND_IN, this.body, null);
		KeptPage second = KeptPage.of(this.page.replace(STAND_IN, "keptpagetokenfedcba9876543210fedcba9876543210"),
				CONTENT_TYPE, "keptpagetokenfedcba9876543210fedcba9876543210", this.body, null);
		int shared = this.body.html().getBytes(StandardCharsets.UTF_8).length;
		int withoutTokens = this.page.replace(STAND_IN, "").getBytes(StandardCharsets.UTF_8).length;
		assertThat(first.ownBytes()).isEqualTo(withoutTokens - shared);
		assertThat(second.ownBytes()).isEqualTo(first.ownBytes());
		assertThat(this.body.footprint()).isEqualTo(2L * this.body.length() + shared);
	}

	@Test
	void renderWhenPageHasNoSharedPartOrTokenThenSendsItAsItIs() throws Exception {
		KeptPage kept = KeptPage.of("<p>Zoë</p>", CONTENT_TYPE, null, null, null);
		MockHttpServletResponse response = render(kept, null);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("<p>Zoë</p>");
		assertThat(response.getContentLength()).isEqualTo(11);
	}

	@Test
	void ofWhenPageShowsTheStandInInAnotherFormThenKeepsNothing() {
		// A form there would get no token of its own: such a page is never kept.
		String elsewhere = this.page + "<a href=\"/x?t=keptpagetoken%30123456789abcdef0123456789abcdef\">x</a>";
		assertThat(KeptPage.of(elsewhere, CONTENT_TYPE, STAND_IN, this.body, null)).isNull();
	}

	@Test
	void ofWhenPageHoldsTheRenderingRequestsRealTokenThenKeepsNothing() {
		String leaky = this.page + "<meta name=\"csrf\" content=\"real-token-of-the-first-user\">";
		assertThat(KeptPage.of(leaky, CONTENT_TYPE, STAND_IN, this.body, "real-token-of-the-first-user")).isNull();
		assertThat(KeptPage.of(this.page, CONTENT_TYPE, STAND_IN, this.body, "real-token-of-the-first-user"))
			.isNotNull();
	}

	@Test
	void renderWhenPageHasFormsButRequestHasNoTokenThenRefuses() {
		KeptPage kept = KeptPage.of(this.page, CONTENT_TYPE, STAND_IN, this.body, null);
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
