package dev.simboard.history;

import java.util.List;

import dev.simboard.model.Id;
import dev.simboard.web.Crumb;
import dev.simboard.web.Links;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A test case's verdicts over an agent's recent batch runs, and the agent's flaky test
 * cases.
 */
@Controller
class HistoryController {

	/** Batch runs a page looks back over unless asked otherwise. */
	static final int DEFAULT_BATCHES = 20;

	/** Most batch runs a page may look back over. */
	static final int MAX_BATCHES = 50;

	private final RecentBatches recentBatches;

	HistoryController(RecentBatches recentBatches) {
		this.recentBatches = recentBatches;
	}

	@GetMapping("/agents/{agentId}/test-cases/{testCaseId}")
	String history(@PathVariable Id agentId, @PathVariable Id testCaseId,
			@RequestParam(name = "batches", defaultValue = "" + DEFAULT_BATCHES) @Min(1) @Max(MAX_BATCHES) int batches,
			Model model) {
		HistoryWindow window = this.recentBatches.window(agentId, batches);
		CaseHistory history = CaseHistory.of(agentId.value(), window, testCaseId.value());
		common(model, agentId, window, batches);
		model.addAttribute("history", history);
		model.addAttribute("flakyHref", Links.agent(agentId) + "/flaky");
		model.addAttribute("crumbs",
				List.of(new Crumb("Agents", Links.agents()), new Crumb(window.agentName(), Links.agent(agentId)),
						new Crumb("Flaky test cases", Links.agent(agentId) + "/flaky"), Crumb.here(history.label())));
		return "history/history";
	}

	@GetMapping("/agents/{agentId}/flaky")
	String flaky(@PathVariable Id agentId,
			@RequestParam(name = "batches", defaultValue = "" + DEFAULT_BATCHES) @Min(1) @Max(MAX_BATCHES) int batches,
			Model model) {
		HistoryWindow window = this.recentBatches.window(agentId, batches);
		common(model, agentId, window, batches);
		FlakyCases cases = FlakyCases.of(agentId.value(), window);
		model.addAttribute("flaky", cases.flaky());
		model.addAttribute("unjudged", cases.unjudged());
		model.addAttribute("crumbs", List.of(new Crumb("Agents", Links.agents()),
				new Crumb(window.agentName(), Links.agent(agentId)), Crumb.here("Flaky test cases")));
		return "history/flaky";
	}

	private static void common(Model model, Id agentId, HistoryWindow window, int batches) {
		model.addAttribute("agentId", agentId);
		model.addAttribute("agentName", window.agentName());
		model.addAttribute("asked", batches);
		model.addAttribute("shown", window.batches().size());
		model.addAttribute("unlisted", window.batches().stream().filter((entry) -> !entry.listed()).count());
		model.addAttribute("staleness", window.staleness());
	}

}
