package dev.simboard.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page; in demo mode it says how to sign in.
 */
@Controller
class LoginController {

	private final boolean demoMode;

	LoginController(@Value("${simboard.sigmamind.api-key:}") String apiKey) {
		this.demoMode = !StringUtils.hasText(apiKey);
	}

	@GetMapping("/login")
	String login(Model model) {
		if (this.demoMode) {
			model.addAttribute("demoUser", UsersConfiguration.DEMO_USER);
			model.addAttribute("demoPassword", UsersConfiguration.DEMO_PASSWORD);
		}
		return "login";
	}

}
