package dev.simboard.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.simboard.catalog.CacheTrace;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At DEBUG, one log line per page request: method, path, status, duration, and how many
 * of its reads the cache answered. Off by default, so that visitors cannot grow the log;
 * an operator turns it on with {@code logging.level.dev.simboard.web.RequestLog=debug}.
 * Static files are left out; query strings too, since they may carry what users typed.
 */
class RequestLog extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(RequestLog.class);

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.startsWith("/css/") || path.startsWith("/js/") || path.equals("/favicon.svg")
				|| path.startsWith("/demo-api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!logger.isDebugEnabled()) {
			chain.doFilter(request, response);
			return;
		}
		long started = System.nanoTime();
		CacheTrace.takeCounts();
		try {
			chain.doFilter(request, response);
		}
		finally {
			int[] cache = CacheTrace.takeCounts();
			logger.debug("{} {} {} in {} ms, cache {} hit / {} miss", request.getMethod(), request.getRequestURI(),
					response.getStatus(), (System.nanoTime() - started) / 1_000_000, cache[0], cache[1]);
		}
	}

}
