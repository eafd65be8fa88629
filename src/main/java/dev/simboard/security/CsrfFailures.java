package dev.simboard.security;

import java.io.IOException;
import java.time.Clock;
import java.util.function.Supplier;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.simboard.logging.Warnings;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * What a form whose CSRF token does not check out gets: never a 500, one WARN line, and
 * the right words. A sign-in or sign-out form from a session that has since expired is no
 * attack: it goes back to the login page with a note. Anything else is a 403, whose page
 * says the form was refused (see {@code ErrorPageController}).
 */
final class CsrfFailures {

	private static final Logger logger = LoggerFactory.getLogger(CsrfFailures.class);

	private CsrfFailures() {
	}

	/**
	 * Spring's token handler, except that a token that does not decode is a wrong token
	 * (a 403) rather than an {@link IllegalArgumentException} (a 500).
	 */
	static final class TolerantTokenHandler implements CsrfTokenRequestHandler {

		private final XorCsrfTokenRequestAttributeHandler delegate = new XorCsrfTokenRequestAttributeHandler();

		@Override
		public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
			this.delegate.handle(request, response, csrfToken);
		}

		@Override
		public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
			try {
				return this.delegate.resolveCsrfTokenValue(request, csrfToken);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

	}

	/** Expired sign-in and sign-out forms go to the login page; the rest get a 403. */
	static final class Denied implements AccessDeniedHandler {

		private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();

		private final Warnings warnings;

		Denied(Clock clock) {
			this.warnings = new Warnings(logger, clock);
		}

		@Override
		public void handle(HttpServletRequest request, HttpServletResponse response,
				AccessDeniedException accessDeniedException) throws IOException, ServletException {
			if (accessDeniedException instanceof CsrfException) {
				String path = request.getRequestURI().substring(request.getContextPath().length());
				if (expiredSession(request, accessDeniedException)
						&& ("/login".equals(path) || "/logout".equals(path))) {
					// Signed out already, or about to sign in again: say so, nothing
					// else.
					response.sendRedirect(
							request.getContextPath() + ("/login".equals(path) ? "/login?expired" : "/login?logout"));
					return;
				}
				this.warnings.warn("csrf", "Refused {} {}: its form token is missing or does not match",
						request.getMethod(), request.getRequestURI());
				// The error page reads it, as it would from Spring's own error-page
				// handler.
				request.setAttribute(WebAttributes.ACCESS_DENIED_403, accessDeniedException);
			}
			this.forbidden.handle(request, response, accessDeniedException);
		}

		/**
		 * A form from a session that is gone: the browser still sends that session's
		 * cookie, which no longer names a session, so no token is kept for it. A forged
		 * form from another site comes without the cookie (it is SameSite=Lax).
		 */
		private static boolean expiredSession(HttpServletRequest request, AccessDeniedException ex) {
			return ex instanceof MissingCsrfTokenException && request.getRequestedSessionId() != null
					&& !request.isRequestedSessionIdValid();
		}

	}

}
