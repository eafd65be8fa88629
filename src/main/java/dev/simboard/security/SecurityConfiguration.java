package dev.simboard.security;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Every page behind sign-in; a signed-out permalink leads through the login page and back
 * to the same address, message fragment included.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "frame-ancestors 'none'; form-action 'self'";

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
	SecurityFilterChain pagesChain(HttpSecurity http) throws Exception {
		// Return to the exact address shared, without Spring's "?continue" marker.
		HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
		requestCache.setMatchingRequestParameterName(null);
		SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
		success.setRequestCache(requestCache);
		success.setRedirectStrategy(new FragmentRedirectStrategy());
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/css/**", "/js/**", "/favicon.svg", "/error", "/actuator/health")
			.permitAll()
			.anyRequest()
			.authenticated())
			.requestCache((cache) -> cache.requestCache(requestCache))
			.formLogin((form) -> form.loginPage("/login").successHandler(success).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/**
	 * Browsers keep a fragment such as {@code #m12} through the redirect to the login
	 * page, but not through the login form's POST; the page's script sends it along as
	 * {@code fragment}, and this adds it back to the saved address.
	 */
	static final class FragmentRedirectStrategy implements RedirectStrategy {

		private static final Pattern FRAGMENT = Pattern.compile("m[0-9]{1,6}");

		private final RedirectStrategy delegate = new DefaultRedirectStrategy();

		@Override
		public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url)
				throws IOException {
			String fragment = request.getParameter("fragment");
			boolean keep = fragment != null && FRAGMENT.matcher(fragment).matches() && !url.contains("#");
			this.delegate.sendRedirect(request, response, keep ? url + "#" + fragment : url);
		}

	}

}
