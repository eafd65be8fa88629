package dev.simboard.admin;

import java.time.Duration;
import java.util.List;

import dev.simboard.catalog.Catalog;
import dev.simboard.sigmamind.SigmaMindClient;
import dev.simboard.sigmamind.SigmaMindException;
import dev.simboard.sigmamind.SigmaMindProperties;
import dev.simboard.sigmamind.SigmaMindTarget;
import dev.simboard.web.Crumb;
import dev.simboard.web.Links;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * For admins: where Simboard points, whether SigmaMind answers and how fast, and the
 * caches, with a button to empty them. The key is shown by its last four characters only.
 */
@Controller
class AdminController {

	private final SigmaMindTarget target;

	private final SigmaMindClient client;

	private final SigmaMindProperties properties;

	private final Catalog catalog;

	AdminController(SigmaMindTarget target, SigmaMindClient client, SigmaMindProperties properties, Catalog catalog) {
		this.target = target;
		this.client = client;
		this.properties = properties;
		this.catalog = catalog;
	}

	@GetMapping("/admin")
	String admin(Model model) {
		model.addAttribute("admin", new AdminView(this.target.baseUrl().toString(), mask(this.target.apiKey()),
				!this.properties.hasApiKey(), probe(), this.client.breakerState(), this.catalog.figures()));
		model.addAttribute("crumbs", List.of(new Crumb("Agents", Links.agents()), Crumb.here("Admin")));
		return "admin/admin";
	}

	@PostMapping("/admin/caches/clear")
	String clearCaches(RedirectAttributes redirect) {
		this.catalog.invalidateAll();
		redirect.addFlashAttribute("flash", "Caches emptied: every page asks SigmaMind afresh.");
		return "redirect:/admin";
	}

	/** One uncached call, timed, so the page says how SigmaMind is doing right now. */
	private String probe() {
		long started = System.nanoTime();
		try {
			int agents = this.client.agents().blockOptional().map(List::size).orElse(0);
			long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
			return "answered in " + millis + " ms (" + agents + " agents)";
		}
		catch (SigmaMindException ex) {
			long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
			// Messages name the endpoint and the failure, never the key.
			return "failed after " + millis + " ms: " + ex.getMessage();
		}
	}

	/**
	 * The last four characters, so an operator can tell keys apart without seeing one.
	 */
	static String mask(String key) {
		if (key == null || key.length() < 12) {
			return "••••";
		}
		return "••••" + key.substring(key.length() - 4);
	}

}
