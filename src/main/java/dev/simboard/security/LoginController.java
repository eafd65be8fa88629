package dev.simboard.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page: a password form, a button per single sign-on provider, and in demo
 * mode (the layout's {@code demoMode}) the demo account, which exists only then.
 */
@Controller
class LoginController {

	private final List<SsoProvider> providers;

	LoginController(ObjectProvider<ClientRegistrationRepository> registrations) {
		List<SsoProvider> found = new ArrayList<>();
		if (registrations.getIfAvailable() instanceof Iterable<?> all) {
			for (Object registration : all) {
				if (registration instanceof ClientRegistration client) {
					found.add(new SsoProvider("/oauth2/authorization/" + client.getRegistrationId(),
							client.getClientName()));
				}
			}
		}
		this.providers = List.copyOf(found);
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("demoUser", UsersConfiguration.DEMO_USER);
		model.addAttribute("demoPassword", UsersConfiguration.DEMO_PASSWORD);
		model.addAttribute("providers", this.providers);
		return "login";
	}

	/**
	 * Sign-out is a POST with the form's token, so that no link on another site can sign
	 * anyone out; an address typed or followed gets a page with the button instead.
	 */
	@GetMapping("/logout")
	String logout() {
		return "logout";
	}

	/**
	 * A single sign-on button.
	 *
	 * @param href where it starts the sign-in
	 * @param name the provider's name
	 */
	record SsoProvider(String href, String name) {
	}

}
