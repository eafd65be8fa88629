package dev.simboard.pagecache;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.simboard.web.PostForms;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.util.FastStringWriter;

import org.springframework.security.web.csrf.CsrfToken;

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
			// A page to keep is rendered without this request's CSRF token, so none can
			// be
			// kept; the layout leaves its post forms to be written as each request is
			// sent.
			PostForms.Deferred forms = new PostForms.Deferred();
			BufferedResponse buffered = new BufferedResponse(response);
			super.render(model, keeping(request, forms), buffered);
			// Kept pages are UTF-8, as every Simboard page is.
			KeptPage kept = StandardCharsets.UTF_8.name().equalsIgnoreCase(buffered.getCharacterEncoding())
					? KeptPage.of(buffered.page(), buffered.getContentType(), forms.forms(), keeper.shared()) : null;
			if (kept != null) {
				keeper.keep().accept(kept);
				// Already in bytes: sent as kept, with this request's token in its forms.
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
	 * The request as a page to keep sees it: with no CSRF token at all, whatever name it
	 * is asked by, and with somewhere for the layout to leave its post forms.
	 */
	private static HttpServletRequest keeping(HttpServletRequest request, PostForms.Deferred forms) {
		return new HttpServletRequestWrapper(request) {
			@Override
			public Object getAttribute(String name) {
				if (PostForms.DEFERRED.equals(name)) {
					return forms;
				}
				Object value = super.getAttribute(name);
				return (value instanceof CsrfToken) ? null : value;
			}
		};
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
