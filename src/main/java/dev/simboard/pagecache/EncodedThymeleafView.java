package dev.simboard.pagecache;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.thymeleaf.spring6.view.ThymeleafView;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.thymeleaf.util.FastStringWriter;

/**
 * A Thymeleaf view that hands Tomcat the whole page as bytes, encoded in one go, with its
 * length. Through the servlet writer, Tomcat encodes characters a buffer at a time: JFR
 * showed that taking over a third of a cached run page's time (see bench/). A page that
 * fails to render sends nothing, so the error page can still take its place. A page whose
 * model has a {@link PageKeeper} is handed to it, kept.
 */
public class EncodedThymeleafView extends ThymeleafView {

	@Override
	public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		if (model != null && model.get(PageKeeper.ATTRIBUTE) instanceof PageKeeper keeper) {
			// A page to keep is rendered with a stand-in for the CSRF token, never with
			// this
			// request's own: whatever the page does with it, no real token can be kept.
			StandIn standIn = StandIn.fresh();
			BufferedResponse buffered = new BufferedResponse(response);
			super.render(model, standIn.wrap(request), buffered);
			// Kept pages are UTF-8, as every Simboard page is.
			KeptPage kept = StandardCharsets.UTF_8.name().equalsIgnoreCase(buffered.getCharacterEncoding())
					? KeptPage.of(buffered.page(), buffered.getContentType(), standIn.value(), keeper.shared(),
							KeptPage.csrfToken(request))
					: null;
			if (kept != null) {
				keeper.keep().accept(kept);
				// Already in bytes: sent as kept, with this request's token in its holes.
				kept.render(model, request, response);
				return;
			}
			// Not keepable after all: rendered again, as any page, for this request.
		}
		BufferedResponse buffered = new BufferedResponse(response);
		super.render(model, request, buffered);
		buffered.send(buffered.page());
	}

	/**
	 * A CSRF token that stands in for the request's own while a page is rendered to be
	 * kept: random letters and digits, which no escaping changes, so wherever the page
	 * shows it, in whatever form, it is found.
	 */
	record StandIn(String value) {

		private static final SecureRandom random = new SecureRandom();

		static StandIn fresh() {
			byte[] bytes = new byte[16];
			random.nextBytes(bytes);
			return new StandIn("keptpagetoken" + HexFormat.of().formatHex(bytes));
		}

		/** The request, whose CSRF token attributes give the stand-in instead. */
		HttpServletRequest wrap(HttpServletRequest request) {
			Object real = request.getAttribute(CsrfToken.class.getName());
			if (!(real instanceof CsrfToken token)) {
				return request;
			}
			CsrfToken standIn = new DefaultCsrfToken(token.getHeaderName(), token.getParameterName(), this.value);
			return new HttpServletRequestWrapper(request) {
				@Override
				public Object getAttribute(String name) {
					Object value = super.getAttribute(name);
					return (value instanceof CsrfToken) ? standIn : value;
				}
			};
		}

	}

	/** Collects what the view writes, and writes it as bytes when asked. */
	private static final class BufferedResponse extends HttpServletResponseWrapper {

		private final FastStringWriter page = new FastStringWriter(16 * 1024);

		private final PrintWriter writer = new PrintWriter(this.page);

		BufferedResponse(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() {
			return this.writer;
		}

		@Override
		public ServletOutputStream getOutputStream() {
			throw new IllegalStateException("A Thymeleaf page writes characters");
		}

		@Override
		public void flushBuffer() {
			// Nothing goes out before the page is whole.
		}

		String page() {
			this.writer.flush();
			return this.page.toString();
		}

		void send(String page) throws java.io.IOException {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			byte[] bytes = page.getBytes(charset);
			HttpServletResponse response = (HttpServletResponse) getResponse();
			response.setContentLength(bytes.length);
			response.getOutputStream().write(bytes);
		}

	}

}
