package dev.simboard.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in behind the {@link LoginThrottle}: a refused sign-in gets the same
 * answer as a wrong password, after the same work, so neither its words nor its time tell
 * a guesser anything.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final LoginThrottle throttle;

	private final EqualWorkPasswordEncoder passwords;

	ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle,
			EqualWorkPasswordEncoder passwords) {
		this.delegate = delegate;
		this.throttle = throttle;
		this.passwords = passwords;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		String client = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		if (!this.throttle.allowed(username, client)) {
			Object credentials = authentication.getCredentials();
			this.passwords.decoy((credentials != null) ? credentials.toString() : "");
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
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
