package dev.simboard.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.junit.jupiter.api.Test;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store of sessions that does not answer gets a page that says so, with Simboard's
 * security headers; any other failure is left to the error pages.
 */
class SessionStoreDownTests {

	private final SessionStoreDown filter = new SessionStoreDown(SessionSettings.Store.REDIS, Clock.systemUTC());

	@Test
	void filterWhenRedisTimesOutThenServiceUnavailablePageWithSecurityHeaders() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setHeader("X-Frame-Options", "DENY");

		this.filter.doFilter(new MockHttpServletRequest("GET", "/agents"), response, (request, answer) -> {
			throw new SessionStoreUnavailableException(new QueryTimeoutException("Redis command timed out"));
		});

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("60");
		assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'self'");
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.getContentAsString(StandardCharsets.UTF_8))
			.contains("Simboard cannot reach its sign-in sessions")
			.contains("kept in Redis")
			.doesNotContain("QueryTimeoutException");
	}

	@Test
	void filterWhenSomethingElseFailsThenLeftToTheErrorPages() {
		IllegalStateException other = new IllegalStateException("not the store");

		assertThatThrownBy(() -> this.filter.doFilter(new MockHttpServletRequest("GET", "/agents"),
				new MockHttpServletResponse(), (request, answer) -> {
					throw other;
				}))
			.isSameAs(other);
	}

}
