package dev.simboard.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The headers every response carries, for the few that Spring Security's own header
 * writers never see: requests its firewall refuses and requests Tomcat refuses.
 */
public final class SecurityHeaders {

	/** Scripts, styles and frames from this site only; no plugins, no base rewriting. */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "frame-ancestors 'none'; form-action 'self'";

	private SecurityHeaders() {
	}

	public static void write(HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("Referrer-Policy", "same-origin");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
	}

	/**
	 * Refuses what the firewall refuses with a 400, headers included, and Simboard's
	 * page.
	 */
	static final class Rejected implements RequestRejectedHandler {

		@Override
		public void handle(HttpServletRequest request, HttpServletResponse response,
				RequestRejectedException requestRejectedException) throws IOException {
			write(response);
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
		}

	}

}
