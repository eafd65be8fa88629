package dev.simboard.admin;

import java.time.Duration;
import java.util.List;

import dev.simboard.catalog.ArchiveSettings;
import dev.simboard.catalog.Catalog;
import dev.simboard.catalog.Upstream;
import dev.simboard.review.Reviews;
import dev.simboard.review.SuggestionFigures;
import dev.simboard.web.Crumb;
import dev.simboard.web.Formats;
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

	private final ArchiveSettings archive;

	private final Reviews reviews;

	AdminController(Upstream upstream, Catalog catalog, ArchiveSettings archive, Reviews reviews) {
		this.upstream = upstream;
		this.catalog = catalog;
		this.archive = archive;
		this.reviews = reviews;
	}

	@GetMapping("/admin")
	String admin(Model model) {
		model.addAttribute("admin",
				new AdminView(this.upstream.baseUrl(), this.upstream.maskedKey(), this.upstream.demo(),
						this.upstream.probe().toString(), this.upstream.breakerState(), this.catalog.figures(),
						this.catalog.archiveFigures(), retention(this.archive)));
		model.addAttribute("suggestions", suggestions(this.reviews.suggestionFigures()));
		model.addAttribute("crumbs", List.of(new Crumb("Agents", Links.agents()), Crumb.here("Admin")));
		return "admin/admin";
	}

	private static String suggestions(SuggestionFigures figures) {
		if (figures == null) {
			return "not known: the database that keeps reviews does not answer";
		}
		if (figures.offered() == 0) {
			return "none offered yet: a reviewer is offered one on a failure like one reviewed before";
		}
		return figures.taken() + " of " + figures.offered() + " reviews saved with a suggestion took it as offered ("
				+ figures.takenPercent() + "%)";
	}

	private static String retention(ArchiveSettings settings) {
		if (settings.retention() == null) {
			return "kept for good (simboard.archive.retention is not set)";
		}
		Duration retention = settings.retention();
		String span = (retention.toHours() % 24 == 0) ? retention.toDays() + " days" : Formats.duration(retention);
		return "unpinned entries dropped " + span + " after they were archived; pinned batches kept for good";
	}

	@PostMapping("/admin/caches/clear")
	String clearCaches(RedirectAttributes redirect) {
		this.catalog.invalidateAll();
		redirect.addFlashAttribute("flash", "Caches emptied: every page asks SigmaMind afresh.");
		return "redirect:/admin";
	}

}
