package dev.simboard.pagecache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.View;
import org.springframework.web.util.HtmlUtils;

/**
 * A rendered page kept as bytes, sent again without rendering. The one part of a page
 * that differs between two requests of the same user for the same data is the CSRF token
 * of its forms. A page to keep is rendered with a random stand-in for it (see
 * {@link EncodedThymeleafView}), never with a real token, so no kept page can hold one;
 * the stand-in marks the holes where each request's own token goes. A part shared with
 * other kept pages (a run's body) is held once, not copied. Which pages may be kept, and
 * for whom, is the caller's to decide: see {@link PageKeeper}.
 */
public final class KeptPage implements View {

	/** Marks where the request's CSRF token goes; compared by identity. */
	private static final byte[] TOKEN = new byte[0];

	private final String contentType;

	private final byte[][] pieces;

	private final int fixedLength;

	private final int holes;

	private final long ownBytes;

	private KeptPage(String contentType, List<byte[]> pieces, byte[] shared) {
		this.contentType = contentType;
		this.pieces = pieces.toArray(byte[][]::new);
		int length = 0;
		int holes = 0;
		long own = 0;
		for (byte[] piece : this.pieces) {
			length += piece.length;
			holes += (piece == TOKEN) ? 1 : 0;
			own += (piece != shared) ? piece.length : 0;
		}
		this.fixedLength = length;
		this.holes = holes;
		this.ownBytes = own;
	}

	/**
	 * Keeps {@code page}, as rendered with the stand-in {@code token} for the CSRF token.
	 * @param page the page as rendered
	 * @param contentType its content type, charset included
	 * @param token the stand-in, letters and digits only, or {@code null} when the
	 * request had no token
	 * @param shared markup the page includes and other kept pages may include too, or
	 * {@code null}
	 * @param real the rendering request's own token as a page would show it, or
	 * {@code null}
	 * @return the kept page, or {@code null} when it shows the stand-in's random part
	 * anywhere but in the stand-in as a whole (a form there would miss its token) or
	 * holds the real token after all
	 */
	static KeptPage of(String page, String contentType, String token, SafeHtml shared, String real) {
		if ((real != null && !real.isEmpty() && page.contains(real))
				|| (token != null && page.replace(token, "").contains(token.substring(token.length() - 16)))) {
			return null;
		}
		List<byte[]> pieces = new ArrayList<>();
		int at = (shared != null && shared.length() > 0) ? page.indexOf(shared.html()) : -1;
		if (at < 0) {
			cut(page, token, pieces);
			return new KeptPage(contentType, pieces, null);
		}
		cut(page.substring(0, at), token, pieces);
		pieces.add(shared.utf8());
		cut(page.substring(at + shared.length()), token, pieces);
		return new KeptPage(contentType, pieces, shared.utf8());
	}

	/** Adds {@code text} as bytes, with a hole wherever it held the token. */
	private static void cut(String text, String token, List<byte[]> pieces) {
		int from = 0;
		if (token != null && !token.isEmpty()) {
			for (int hole = text.indexOf(token); hole >= 0; hole = text.indexOf(token, from)) {
				pieces.add(text.substring(from, hole).getBytes(StandardCharsets.UTF_8));
				pieces.add(TOKEN);
				from = hole + token.length();
			}
		}
		pieces.add(text.substring(from).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The request's CSRF token as a page shows it (escaped, as in an attribute), or
	 * {@code null} when there is none.
	 */
	static String csrfToken(HttpServletRequest request) {
		return (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token)
				? HtmlUtils.htmlEscape(token.getToken()) : null;
	}

	/** The bytes this page holds of its own, leaving out the shared part. */
	public long ownBytes() {
		return this.ownBytes;
	}

	@Override
	public String getContentType() {
		return this.contentType;
	}

	@Override
	public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		byte[] token = new byte[0];
		if (this.holes > 0) {
			String value = csrfToken(request);
			if (value == null) {
				throw new IllegalStateException("A kept page with forms needs the request's CSRF token");
			}
			token = value.getBytes(StandardCharsets.UTF_8);
		}
		response.setContentType(this.contentType);
		response.setContentLength(this.fixedLength + this.holes * token.length);
		ServletOutputStream out = response.getOutputStream();
		for (byte[] piece : this.pieces) {
			out.write((piece == TOKEN) ? token : piece);
		}
	}

	@Override
	public String toString() {
		return "KeptPage[" + this.fixedLength + " bytes, " + this.holes + " token holes]";
	}

}
