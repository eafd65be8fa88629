package dev.simboard.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who a single sign-on user is here: refused unless their email is in the allowed domain
 * (when one is set); VIEWER, with ADMIN or REVIEWER when listed as one.
 */
class SsoUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService delegate = new OidcUserService();

	private final SecuritySettings.Sso settings;

	SsoUserService(SecuritySettings.Sso settings) {
		this.settings = settings;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
		OidcUser user = this.delegate.loadUser(request);
		String email = (user.getEmail() != null) ? user.getEmail().trim().toLowerCase(Locale.ROOT) : "";
		String domain = this.settings.allowedEmailDomain();
		if (domain != null && !domain.isBlank()) {
			boolean verified = !Boolean.FALSE.equals(user.getEmailVerified());
			if (!verified || !email.endsWith("@" + domain.trim().toLowerCase(Locale.ROOT))) {
				throw new OAuth2AuthenticationException(
						new OAuth2Error("access_denied", "This account's email is not in the allowed domain", null));
			}
		}
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_VIEWER"));
		if (!email.isEmpty() && this.settings.admins().stream().anyMatch((admin) -> admin.equalsIgnoreCase(email))) {
			authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
		}
		if (!email.isEmpty()
				&& this.settings.reviewers().stream().anyMatch((reviewer) -> reviewer.equalsIgnoreCase(email))) {
			authorities.add(new SimpleGrantedAuthority("ROLE_REVIEWER"));
		}
		String nameAttribute = (user.getEmail() != null) ? "email" : "sub";
		return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameAttribute);
	}

}
