package dev.simboard.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Password sign-in behind the {@link LoginThrottle}: a locked username is refused before
 * its password is checked, with the same answer as a wrong password.
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
		if (!this.throttle.allowed(username)) {
			throw new BadCredentialsException("Bad credentials");
		}
		try {
			Authentication result = this.delegate.authenticate(authentication);
			this.throttle.succeeded(username);
			return result;
		}
		catch (AuthenticationException ex) {
			this.throttle.failed(username);
			// One answer for every failure, so it tells nothing about the account.
			throw new BadCredentialsException("Bad credentials", ex);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
