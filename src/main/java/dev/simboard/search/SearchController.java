package dev.simboard.search;

import java.util.List;

import jakarta.validation.Valid;

import dev.simboard.catalog.ArchiveSearch;
import dev.simboard.model.Id;
import dev.simboard.web.Crumb;
import dev.simboard.web.Links;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Search every archived conversation of an agent: its runs' messages, judge's remarks,
 * test case labels and criteria, from Simboard's archive alone (SigmaMind is not asked,
 * so runs it no longer keeps are found too).
 */
@Controller
class SearchController {

	private final ArchiveSearch search;

	SearchController(ArchiveSearch search) {
		this.search = search;
	}

	@GetMapping("/agents/{agentId}/search")
	String search(@PathVariable Id agentId, @Valid @ModelAttribute("form") SearchForm form, Model model) {
		SearchView view = SearchView.of(agentId, form,
				form.asked() ? this.search.search(agentId, form.q(), form.filters()) : null);
		model.addAttribute("search", view);
		model.addAttribute("agentId", agentId);
		// The agent's ID rather than its name: this page reads only the archive, and
		// asks SigmaMind for nothing, names included.
		model.addAttribute("crumbs", List.of(new Crumb("Agents", Links.agents()),
				new Crumb(agentId.value(), Links.agent(agentId)), Crumb.here("Search")));
		return "search/search";
	}

}
