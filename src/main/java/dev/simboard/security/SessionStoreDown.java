package dev.simboard.security;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.LoggerFactory;

import dev.simboard.logging.Warnings;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When the shared store of sessions (Redis, or PostgreSQL) does not answer, no page can
 * know who is signed in: each request then gets a short 503 page that says so, and the
 * log one WARN line a minute, instead of a stack trace per request. It runs before Spring
 * Session's filter, so it also sees a session that cannot be saved.
 */
final class SessionStoreDown extends OncePerRequestFilter {

	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="en">
			<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
			<title>Sign-in unavailable · Simboard</title></head>
			<body>
			<main>
			<h1>Simboard cannot reach its sign-in sessions</h1>
			<p>Sessions are kept in %s, which does not answer, so Simboard cannot tell who is signed in.</p>
			<p>Try again in a minute. If it lasts, tell whoever runs Simboard: %s.</p>
			</main>
			</body>
			</html>
			""";

	private final String store;

	private final String hint;

	private final Warnings warnings;

	SessionStoreDown(SessionSettings.Store store, Clock clock) {
		boolean redis = store == SessionSettings.Store.REDIS;
		this.store = redis ? "Redis" : "Simboard's database";
		this.hint = redis ? "check Redis and simboard.sessions.redis-url"
				: "check PostgreSQL and spring.datasource.url";
		this.warnings = new Warnings(LoggerFactory.getLogger(SessionStoreDown.class), clock);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException ex) {
			Throwable down = storeDown(ex);
			if (down == null || response.isCommitted()) {
				throw ex;
			}
			this.warnings.warn("session-store-down", "Sessions could not be read or saved ({} does not answer): {}",
					this.store, NestedExceptionUtils.getMostSpecificCause(down).toString());
			response.reset();
			// The reset dropped what Spring Security had written.
			SecurityHeaders.write(response);
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader(HttpHeaders.RETRY_AFTER, "60");
			response.setContentType("text/html;charset=UTF-8");
			response.getWriter().write(PAGE.formatted(this.store, this.hint));
		}
	}

	/**
	 * The failure of the store behind {@code ex}: Redis's, as Simboard's sessions report
	 * it, or PostgreSQL's connection, as Spring Session JDBC's does; else {@code null}.
	 */
	private static Throwable storeDown(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SessionStoreUnavailableException down) {
				return down.getCause();
			}
			if (cause instanceof DataAccessResourceFailureException down) {
				return down;
			}
		}
		return null;
	}

}
