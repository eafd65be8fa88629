package dev.simboard.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page. In demo mode (the layout's {@code demoMode}) it shows the demo
 * account, which exists only then.
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("demoUser", UsersConfiguration.DEMO_USER);
		model.addAttribute("demoPassword", UsersConfiguration.DEMO_PASSWORD);
		return "login";
	}

}
