package dev.simboard.admin;

import java.util.List;

import dev.simboard.catalog.Catalog;
import dev.simboard.catalog.Upstream;
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

	private final Upstream upstream;

	private final Catalog catalog;

	AdminController(Upstream upstream, Catalog catalog) {
		this.upstream = upstream;
		this.catalog = catalog;
	}

	@GetMapping("/admin")
	String admin(Model model) {
		model.addAttribute("admin",
				new AdminView(this.upstream.baseUrl(), this.upstream.maskedKey(), this.upstream.demo(),
						this.upstream.probe().toString(), this.upstream.breakerState(), this.catalog.figures()));
		model.addAttribute("crumbs", List.of(new Crumb("Agents", Links.agents()), Crumb.here("Admin")));
		return "admin/admin";
	}

	@PostMapping("/admin/caches/clear")
	String clearCaches(RedirectAttributes redirect) {
		this.catalog.invalidateAll();
		redirect.addFlashAttribute("flash", "Caches emptied: every page asks SigmaMind afresh.");
		return "redirect:/admin";
	}

}
