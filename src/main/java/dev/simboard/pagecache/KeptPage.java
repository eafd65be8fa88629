package dev.simboard.pagecache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.simboard.web.PostForm;
import dev.simboard.web.PostForms;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.View;

/**
 * A rendered page kept as bytes, sent again without rendering. The one part of a page
 * that differs between two requests of the same user for the same data is the CSRF token
 * of its forms, and the layout writes every form that posts at the end of the body
 * ({@link PostForms}). A page to keep is rendered without any CSRF token, its forms left
 * out (see {@link EncodedThymeleafView}); it is kept as the bytes before its end, its
 * forms, and its end, and each request gets the forms written with its own token. So no
 * kept byte can hold a token, and nothing is looked for in a page to patch it. A part
 * shared with other kept pages (a run's body) is held once, not copied. Which pages may
 * be kept, and for whom, is the caller's to decide: see {@link PageKeeper}.
 */
public final class KeptPage implements View {

	private final String contentType;

	private final byte[][] head;

	private final List<PostForm> forms;

	private final byte[] end;

	private final int fixedLength;

	private final long ownBytes;

	/** Its head compressed once, for clients that accept gzip. */
	private final Gzip gzip;

	private KeptPage(String contentType, List<byte[]> head, List<PostForm> forms, byte[] end, byte[] shared) {
		this.contentType = contentType;
		this.head = head.toArray(byte[][]::new);
		this.forms = List.copyOf(forms);
		this.end = end;
		int length = end.length;
		long own = end.length;
		for (byte[] piece : this.head) {
			length += piece.length;
			own += (piece != shared) ? piece.length : 0;
		}
		this.fixedLength = length;
		this.gzip = Gzip.of(this.head);
		this.ownBytes = own + this.gzip.compressedLength();
	}

	/**
	 * Keeps {@code page}, as rendered without a CSRF token and with its post forms left
	 * out.
	 * @param page the page as rendered
	 * @param contentType its content type, charset included
	 * @param forms the forms the page left out, to be written before its end
	 * @param shared markup the page includes and other kept pages may include too, or
	 * {@code null}
	 * @return the kept page, or {@code null} when the page does not end as a layout page
	 * does ({@code </body></html>}), so there is no place for its forms
	 */
	static KeptPage of(String page, String contentType, List<PostForm> forms, SafeHtml shared) {
		int close = page.lastIndexOf("</body>");
		if (close < 0 || !page.substring(close).replaceAll("\\s", "").equals("</body></html>")) {
			return null;
		}
		String head = page.substring(0, close);
		byte[] end = page.substring(close).getBytes(StandardCharsets.UTF_8);
		List<byte[]> pieces = new ArrayList<>();
		// Found only to hold the shared part once: a page where it is not found is kept
		// whole.
		int at = (shared != null && shared.length() > 0) ? head.indexOf(shared.html()) : -1;
		if (at < 0) {
			pieces.add(head.getBytes(StandardCharsets.UTF_8));
			return new KeptPage(contentType, pieces, forms, end, null);
		}
		pieces.add(head.substring(0, at).getBytes(StandardCharsets.UTF_8));
		pieces.add(shared.utf8());
		pieces.add(head.substring(at + shared.length()).getBytes(StandardCharsets.UTF_8));
		return new KeptPage(contentType, pieces, forms, end, shared.utf8());
	}

	/**
	 * The bytes this page holds of its own: all but the shared part, and its head
	 * compressed.
	 */
	public long ownBytes() {
		return this.ownBytes;
	}

	/** The bytes of its head compressed, counted in {@link #ownBytes()}. */
	int gzippedHeadBytes() {
		return this.gzip.compressedLength();
	}

	@Override
	public String getContentType() {
		return this.contentType;
	}

	@Override
	public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		// As a fresh page does: without a token in the request, its forms go without one
		// (and are refused when posted).
		CsrfToken token = (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken found) ? found : null;
		byte[] forms = PostForms.html(request.getContextPath(), this.forms, token).getBytes(StandardCharsets.UTF_8);
		response.setContentType(this.contentType);
		response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		if (Gzip.accepted(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
			byte[] gzipped = this.gzip.with(forms, this.end);
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
			response.setContentLength(gzipped.length);
			response.getOutputStream().write(gzipped);
			return;
		}
		response.setContentLength(this.fixedLength + forms.length);
		ServletOutputStream out = response.getOutputStream();
		for (byte[] piece : this.head) {
			out.write(piece);
		}
		out.write(forms);
		out.write(this.end);
	}

	@Override
	public String toString() {
		return "KeptPage[" + this.fixedLength + " bytes, " + this.forms.size() + " forms]";
	}

}
