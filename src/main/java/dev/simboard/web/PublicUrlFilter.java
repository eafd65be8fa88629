package dev.simboard.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Simboard's public address ({@code simboard.public-url}) on every request, so no header
 * a client or proxy sends can change the addresses Simboard hands out. The request
 * reports the public scheme, host and port, whatever its {@code Host} or
 * {@code X-Forwarded-Host}: every absolute address built from it (export permalinks, SSO
 * redirect URIs) is under the public one. And a redirect to a path is sent as an absolute
 * address under it, where Tomcat would build one from the request's {@code Host}.
 * <p>
 * It runs inside Spring's {@code ForwardedHeaderFilter} (when
 * {@code server.forward-headers-strategy=framework}), so the setting wins over forwarded
 * headers, and outside Spring Security, whose redirects it completes.
 */
final class PublicUrlFilter extends OncePerRequestFilter {

	private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);

	private final String origin;

	private final String scheme;

	private final String host;

	private final int port;

	/** With {@code simboard.public-url} unset, requests pass as they come. */
	PublicUrlFilter(PublicUrlSettings settings) {
		URI publicUrl = settings.publicUrl();
		this.origin = settings.origin();
		this.scheme = (publicUrl != null) ? publicUrl.getScheme().toLowerCase(Locale.ROOT) : null;
		this.host = (publicUrl != null) ? publicUrl.getHost() : null;
		this.port = (publicUrl != null) ? port(publicUrl) : -1;
	}

	private static int port(URI url) {
		if (url.getPort() != -1) {
			return url.getPort();
		}
		return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.origin == null;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		PublicRequest publicRequest = new PublicRequest(request);
		chain.doFilter(publicRequest, new PublicRedirects(response, publicRequest));
	}

	/** A redirect's location as an absolute address under the public one. */
	private String absolute(String location, HttpServletRequest request) {
		if (location.startsWith("/") && !location.startsWith("//")) {
			return this.origin + location;
		}
		if (location.startsWith("//") || SCHEME.matcher(location).matches()) {
			// Elsewhere (an SSO provider); Simboard's own redirects are cut to a path.
			return location;
		}
		try {
			return URI.create(request.getRequestURL().toString()).resolve(location).toString();
		}
		catch (IllegalArgumentException ex) {
			return location;
		}
	}

	private final class PublicRequest extends HttpServletRequestWrapper {

		PublicRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getScheme() {
			return PublicUrlFilter.this.scheme;
		}

		@Override
		public String getServerName() {
			return PublicUrlFilter.this.host;
		}

		@Override
		public int getServerPort() {
			return PublicUrlFilter.this.port;
		}

		@Override
		public boolean isSecure() {
			return "https".equals(PublicUrlFilter.this.scheme);
		}

		@Override
		public StringBuffer getRequestURL() {
			return new StringBuffer(PublicUrlFilter.this.origin).append(getRequestURI());
		}

	}

	private final class PublicRedirects extends HttpServletResponseWrapper {

		private final HttpServletRequest request;

		PublicRedirects(HttpServletResponse response, HttpServletRequest request) {
			super(response);
			this.request = request;
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			super.sendRedirect(absolute(location, this.request));
		}

		@Override
		public void sendRedirect(String location, boolean clearBuffer) throws IOException {
			super.sendRedirect(absolute(location, this.request), clearBuffer);
		}

		@Override
		public void sendRedirect(String location, int sc) throws IOException {
			super.sendRedirect(absolute(location, this.request), sc);
		}

		@Override
		public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
			super.sendRedirect(absolute(location, this.request), sc, clearBuffer);
		}

	}

}
