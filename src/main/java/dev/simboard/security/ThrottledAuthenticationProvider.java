package dev.simboard.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in behind the {@link LoginThrottle}: a refused sign-in gets the same
 * answer as a wrong password. It is refused before any password is checked, so a client
 * that is locked out costs no CPU; its speed tells a guesser only what its own failures
 * already did, and nothing about which usernames exist, since made-up ones count alike.
 * Every check that does run costs the same work ({@link EqualWorkPasswordEncoder}).
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final LoginThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle) {
		this.delegate = delegate;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		String client = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		if (!this.throttle.allowed(username, client) || !this.throttle.checking(client)) {
			throw new BadCredentialsException("Bad credentials");
		}
		try {
			Authentication result = this.delegate.authenticate(authentication);
			this.throttle.succeeded(username, client);
			return result;
		}
		catch (AuthenticationException ex) {
			this.throttle.failed(username, client);
			// One answer for every failure, so it tells nothing about the account.
			throw new BadCredentialsException("Bad credentials", ex);
		}
		finally {
			this.throttle.checked(client);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
