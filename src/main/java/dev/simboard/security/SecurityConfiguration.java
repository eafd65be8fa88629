package dev.simboard.security;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every page behind sign-in, by password or single sign-on; a signed-out permalink leads
 * through the login page and back to the same address, message fragment included. Admin
 * pages, actuator endpoints other than health, and pinning or unpinning a batch need
 * ADMIN.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	/** A request htmx sends for a part of a page. */
	private static final RequestMatcher HTMX_REQUEST = new RequestHeaderRequestMatcher("HX-Request", "true");

	/**
	 * Pinning a batch as a baseline, and unpinning it (its confirmation page included).
	 */
	static final String[] PINNING = { "/agents/*/batches/*/pin", "/agents/*/batches/*/unpin" };

	static final String REVIEWING = "/agents/*/batches/*/runs/*/review";

	/** Firewall refusals get the same headers and error page as everything else. */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return new SecurityHeaders.Rejected();
	}

	/**
	 * The embedded demo API checks its own key; it has no session, no form and no page.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain demoApiChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/demo-api/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pagesChain(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> sso,
			ObjectProvider<SsoUserService> ssoUsers, ObjectProvider<Clock> clock, Environment environment)
			throws Exception {
		// Return to the exact address shared, without Spring's "?continue" marker.
		HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
		requestCache.setMatchingRequestParameterName(null);
		// A part of a page that htmx asks for is never where sign-in returns to.
		requestCache.setRequestMatcher(new NegatedRequestMatcher(HTMX_REQUEST));
		SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
		success.setRequestCache(requestCache);
		success.setRedirectStrategy(new SameSiteRedirectStrategy());
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/css/**", "/js/**", "/favicon.svg", "/robots.txt", "/error", "/actuator/health",
					"/actuator/health/**")
			.permitAll()
			.requestMatchers(prometheusOnManagementPort(environment))
			.permitAll()
			.requestMatchers("/admin/**", "/actuator/**")
			.hasRole("ADMIN")
			// Pinning changes what the whole team sees and keeps: ADMIN, not VIEWER.
			.requestMatchers(PINNING)
			.hasRole("ADMIN")
			// Reviews are the team's verdict: REVIEWER or ADMIN; VIEWER reads them.
			.requestMatchers(REVIEWING)
			.hasAnyRole("REVIEWER", "ADMIN")
			.anyRequest()
			.authenticated())
			.requestCache((cache) -> cache.requestCache(requestCache))
			.formLogin((form) -> form.loginPage("/login").successHandler(success).permitAll())
			.csrf((csrf) -> csrf.csrfTokenRequestHandler(new CsrfFailures.TolerantTokenHandler()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(signIn())
				.accessDeniedHandler(new CsrfFailures.Denied(clock.getIfAvailable(Clock::systemUTC))))
			// GET /logout is a page with the sign-out button (LoginController).
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout")
				.deleteCookies(environment.getProperty("server.servlet.session.cookie.name", "JSESSIONID"))
				.permitAll())
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		if (sso.getIfAvailable() != null) {
			http.oauth2Login((login) -> login.loginPage("/login")
				.successHandler(success)
				.failureUrl("/login?denied")
				.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(ssoUsers.getObject())));
		}
		return http.build();
	}

	/**
	 * Signed out, a page leads to the login page, as form login and single sign-on would
	 * have it. A part of a page that htmx asks for (a running batch's refresh, the flaky
	 * list) gets a bare 401 instead: htmx swaps no error in, so the page keeps what it
	 * shows rather than showing the login page in the part's place.
	 */
	private static AuthenticationEntryPoint signIn() {
		return DelegatingAuthenticationEntryPoint.builder()
			.addEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), HTMX_REQUEST)
			.defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
			.build();
	}

	/**
	 * Prometheus scrapes without a session: on a separate management port (one not
	 * published beyond the monitoring network), {@code /actuator/prometheus} is open; on
	 * the main port it needs ADMIN like every other actuator endpoint.
	 */
	private static RequestMatcher prometheusOnManagementPort(Environment environment) {
		Integer managementPort = environment.getProperty("management.server.port", Integer.class);
		Integer serverPort = environment.getProperty("server.port", Integer.class, 8080);
		boolean separate = managementPort != null && managementPort >= 0
				&& (managementPort == 0 || !managementPort.equals(serverPort));
		if (!separate) {
			return (request) -> false;
		}
		return (request) -> "/actuator/prometheus".equals(request.getRequestURI())
				&& request.getLocalPort() != resolvedServerPort(environment, serverPort);
	}

	/**
	 * The port pages are served on; with {@code server.port=0}, the one picked at start.
	 */
	private static int resolvedServerPort(Environment environment, int configured) {
		return environment.getProperty("local.server.port", Integer.class, configured);
	}

	/**
	 * Redirects only within this site: an absolute address is cut to its path and query,
	 * so a forged Host header cannot send a user elsewhere. The path goes out under
	 * {@code simboard.public-url} when it is set (the web package's filter sees to every
	 * redirect), else under the request's own address. Browsers keep a fragment such as
	 * {@code #m12} through the redirect to the login page but not through the login
	 * form's POST; the page's script sends it along as {@code fragment}, and it is added
	 * back here.
	 */
	static final class SameSiteRedirectStrategy implements RedirectStrategy {

		private static final Pattern FRAGMENT = Pattern.compile("m[0-9]{1,6}");

		private final RedirectStrategy delegate = new DefaultRedirectStrategy();

		@Override
		public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url)
				throws IOException {
			String target = sameSite(url, request.getContextPath());
			String fragment = request.getParameter("fragment");
			if (fragment != null && FRAGMENT.matcher(fragment).matches() && !target.contains("#")) {
				target = target + "#" + fragment;
			}
			this.delegate.sendRedirect(request, response, target);
		}

		/**
		 * The path and query within this application; the delegate adds the context path.
		 */
		static String sameSite(String url, String contextPath) {
			URI uri;
			try {
				uri = URI.create(url);
			}
			catch (IllegalArgumentException ex) {
				return "/";
			}
			String path = uri.getRawPath();
			if (path == null || !path.startsWith("/") || path.startsWith("//")) {
				return "/";
			}
			if (uri.isAbsolute() && !contextPath.isEmpty() && path.startsWith(contextPath)) {
				path = path.substring(contextPath.length());
			}
			return (path.isEmpty() ? "/" : path) + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		}

	}

}
