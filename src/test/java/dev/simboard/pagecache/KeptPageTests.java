package dev.simboard.pagecache;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import dev.simboard.web.PostForm;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kept page goes out as it was rendered, with its post forms written before its end
 * with the request's own CSRF token.
 */
class KeptPageTests {

	private static final String CONTENT_TYPE = "text/html;charset=UTF-8";

	private static final List<PostForm> FORMS = List.of(new PostForm("signout", "/logout"),
			new PostForm("refresh-run", "/agents/a/batches/b/runs/j/refresh"));

	private final SafeHtml body = SafeHtml.rendered("<ol><li>Zoë &amp; co ✓</li></ol>");

	private final String head = "<!DOCTYPE html><html><body><button form=\"signout\">Sign out</button><main>"
			+ this.body.html() + "</main>\n";

	private final String end = "</body>\n</html>\n";

	@Test
	void renderWhenKeptThenWritesItsFormsWithTheRequestsTokenBeforeTheEnd() throws Exception {
		KeptPage kept = KeptPage.of(this.head + this.end, CONTENT_TYPE, FORMS, this.body);
		MockHttpServletResponse response = render(kept, "/ctx", "token-of-this-request");
		String expected = this.head
				+ "<form id=\"signout\" method=\"post\" action=\"/ctx/logout\" hidden><input type=\"hidden\" name=\"_csrf\" value=\"token-of-this-request\"></form>\n"
				+ "<form id=\"refresh-run\" method=\"post\" action=\"/ctx/agents/a/batches/b/runs/j/refresh\" hidden><input type=\"hidden\" name=\"_csrf\" value=\"token-of-this-request\"></form>\n"
				+ this.end;
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(expected);
		assertThat(response.getContentLength()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8).length);
		assertThat(response.getContentType()).isEqualTo(CONTENT_TYPE);
	}

	@Test
	void renderWhenTwoRequestsThenEachGetsOnlyItsOwnToken() throws Exception {
		KeptPage kept = KeptPage.of(this.head + this.end, CONTENT_TYPE, FORMS, this.body);
		String first = render(kept, "", "first-token").getContentAsString(StandardCharsets.UTF_8);
		String second = render(kept, "", "second-token").getContentAsString(StandardCharsets.UTF_8);
		assertThat(first).doesNotContain("second-token");
		assertThat(second).doesNotContain("first-token").contains("value=\"second-token\"");
	}

	@Test
	void ofWhenPagesIncludeTheSameSharedPartThenItIsHeldOnce() {
		KeptPage first = KeptPage.of(this.head + this.end, CONTENT_TYPE, FORMS, this.body);
		KeptPage second = KeptPage.of(this.head + this.end, CONTENT_TYPE, List.of(), this.body);
		int shared = this.body.html().getBytes(StandardCharsets.UTF_8).length;
		int whole = (this.head + this.end).getBytes(StandardCharsets.UTF_8).length;
		// The head compressed is the page's own: each page compresses its whole head.
		assertThat(first.ownBytes()).isEqualTo(whole - shared + first.gzippedHeadBytes());
		assertThat(first.gzippedHeadBytes()).isPositive().isLessThan(whole);
		assertThat(second.ownBytes()).isEqualTo(first.ownBytes());
	}

	@Test
	void renderWhenPageHasNoSharedPartOrFormsThenSendsItAsItIs() throws Exception {
		KeptPage kept = KeptPage.of("<p>Zoë</p></body></html>", CONTENT_TYPE, List.of(), null);
		MockHttpServletResponse response = render(kept, "", null);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("<p>Zoë</p></body></html>");
		assertThat(response.getContentLength()).isEqualTo(25);
	}

	@Test
	void ofWhenPageDoesNotEndAsALayoutPageThenKeepsNothing() {
		// No end of body to write the forms before: such a page is never kept.
		assertThat(KeptPage.of("<p>a fragment</p>", CONTENT_TYPE, FORMS, null)).isNull();
		assertThat(KeptPage.of(this.head + this.end + "<p>after the end</p>", CONTENT_TYPE, FORMS, null)).isNull();
	}

	@Test
	void renderWhenPageHasFormsButRequestHasNoTokenThenWritesThemWithoutOneAsAFreshPageWould() throws Exception {
		KeptPage kept = KeptPage.of(this.head + this.end, CONTENT_TYPE, FORMS, this.body);
		String page = render(kept, "", null).getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("<form id=\"signout\" method=\"post\" action=\"/logout\" hidden></form>")
			.doesNotContain("_csrf");
	}

	@Test
	void renderWhenTheClientAcceptsGzipThenTheSamePageGzippedWithItsOwnToken() throws Exception {
		KeptPage kept = KeptPage.of(this.head + this.end, CONTENT_TYPE, FORMS, this.body);
		String plain = render(kept, "", "token-a").getContentAsString(StandardCharsets.UTF_8);

		for (String token : List.of("token-a", "token-b")) {
			MockHttpServletResponse gzipped = render(kept, "", token, "gzip, deflate, br");
			assertThat(gzipped.getHeader("Content-Encoding")).isEqualTo("gzip");
			assertThat(gzipped.getHeader("Vary")).isEqualTo("Accept-Encoding");
			assertThat(gzipped.getContentLength()).isEqualTo(gzipped.getContentAsByteArray().length);
			String page = new String(
					new GZIPInputStream(new ByteArrayInputStream(gzipped.getContentAsByteArray())).readAllBytes(),
					StandardCharsets.UTF_8);
			assertThat(page).isEqualTo(plain.replace("token-a", token));
		}
	}

	@Test
	void renderWhenTheClientRefusesGzipThenPlain() throws Exception {
		KeptPage kept = KeptPage.of(this.head + this.end, CONTENT_TYPE, FORMS, this.body);
		for (String refusing : List.of("identity", "gzip;q=0", "br", "*;q=0")) {
			MockHttpServletResponse response = render(kept, "", "t", refusing);
			assertThat(response.getHeader("Content-Encoding")).as(refusing).isNull();
			assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(refusing).startsWith("<!DOCTYPE html>");
		}
	}

	private static MockHttpServletResponse render(KeptPage kept, String contextPath, String token) throws Exception {
		return render(kept, contextPath, token, null);
	}

	private static MockHttpServletResponse render(KeptPage kept, String contextPath, String token,
			String acceptEncoding) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", contextPath + "/agents");
		if (acceptEncoding != null) {
			request.addHeader("Accept-Encoding", acceptEncoding);
		}
		request.setContextPath(contextPath);
		if (token != null) {
			request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", token));
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		kept.render(null, request, response);
		return response;
	}

}
