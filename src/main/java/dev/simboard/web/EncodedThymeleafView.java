package dev.simboard.web;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.thymeleaf.spring6.view.ThymeleafView;
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
		BufferedResponse buffered = new BufferedResponse(response);
		super.render(model, request, buffered);
		String page = buffered.page();
		// Kept pages are UTF-8, as every Simboard page is.
		if (model != null && model.get(PageKeeper.ATTRIBUTE) instanceof PageKeeper keeper
				&& StandardCharsets.UTF_8.name().equalsIgnoreCase(buffered.getCharacterEncoding())) {
			KeptPage kept = KeptPage.of(page, buffered.getContentType(), KeptPage.csrfToken(request), keeper.shared());
			if (kept != null) {
				keeper.keep().accept(kept);
				// Already in bytes, with this request's token: sent as kept, not encoded
				// again.
				kept.render(model, request, response);
				return;
			}
		}
		buffered.send(page);
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
