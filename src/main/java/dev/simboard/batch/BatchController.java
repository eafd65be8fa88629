package dev.simboard.batch;

import java.util.List;

import dev.simboard.catalog.BatchRuns;
import dev.simboard.catalog.Catalog;
import dev.simboard.model.Batch;
import dev.simboard.model.Id;
import dev.simboard.web.Crumb;
import dev.simboard.web.Formats;
import dev.simboard.web.Links;
import dev.simboard.web.Refreshes;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One batch run: its counts, its test cases and its runs.
 */
@Controller
class BatchController {

	private final Catalog catalog;

	private final RunListViews views;

	BatchController(Catalog catalog, RunListViews views) {
		this.catalog = catalog;
		this.views = views;
	}

	@GetMapping("/agents/{agentId}/batches/{batchId}")
	String batch(@PathVariable Id agentId, @PathVariable Id batchId, @Valid @ModelAttribute("query") BatchQuery query,
			Model model) {
		BatchRuns found = this.catalog.batchRuns(agentId, batchId);
		Batch batch = found.batch().value();
		model.addAttribute("batch", BatchPages.view(agentId.value(), batch, found.runs().value(), query, this.views));
		model.addAttribute("staleness", found.staleness());
		model.addAttribute("agentId", agentId);
		model.addAttribute("crumbs",
				List.of(new Crumb("Agents", Links.agents()),
						new Crumb(Formats.agentName(batch.agent(), agentId.value()), Links.agent(agentId)),
						Crumb.here("Batch " + batchId)));
		return "batch/batch";
	}

	/**
	 * The live part of a running batch's page (counts and table), which the page asks for
	 * every 10 seconds while the batch runs. Once the batch has finished, the answer no
	 * longer asks to be refreshed and says that the batch has finished.
	 */
	@GetMapping("/agents/{agentId}/batches/{batchId}/live")
	String live(@PathVariable Id agentId, @PathVariable Id batchId, @Valid @ModelAttribute("query") BatchQuery query,
			Model model) {
		batch(agentId, batchId, query, model);
		model.addAttribute("liveUpdate", true);
		return "batch/batch :: live";
	}

	/** "Refresh now": asks SigmaMind again, at most once per batch every few seconds. */
	@PostMapping("/agents/{agentId}/batches/{batchId}/refresh")
	String refresh(@PathVariable Id agentId, @PathVariable Id batchId, RedirectAttributes redirect) {
		redirect.addFlashAttribute("flash", Refreshes.message(this.catalog.refreshBatch(agentId, batchId)));
		return "redirect:" + Links.batch(agentId, batchId);
	}

	/** The form that opens a run by its job ID, for when SigmaMind does not list them. */
	@GetMapping("/agents/{agentId}/batches/{batchId}/runs")
	String openRun(@PathVariable Id agentId, @PathVariable Id batchId, @RequestParam Id jobId) {
		return "redirect:" + Links.run(agentId, batchId, jobId);
	}

}
