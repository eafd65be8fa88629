package dev.simboard.batch;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.simboard.catalog.BatchRuns;
import dev.simboard.catalog.Catalog;
import dev.simboard.catalog.PinOutcome;
import dev.simboard.catalog.PinnedBatch;
import dev.simboard.catalog.Pins;
import dev.simboard.model.Batch;
import dev.simboard.model.Id;
import dev.simboard.model.Review;
import dev.simboard.review.Reviews;
import dev.simboard.sigmamind.SigmaMindException;
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
 * One batch run: its counts, its test cases and its runs; pinning it as a baseline, and
 * unpinning it (ADMIN only, see {@code SecurityConfiguration}).
 */
@Controller
class BatchController {

	private final Catalog catalog;

	private final RunListViews views;

	private final Pins pins;

	private final Reviews reviews;

	BatchController(Catalog catalog, RunListViews views, Pins pins, Reviews reviews) {
		this.catalog = catalog;
		this.views = views;
		this.pins = pins;
		this.reviews = reviews;
	}

	@GetMapping("/agents/{agentId}/batches/{batchId}")
	String batch(@PathVariable Id agentId, @PathVariable Id batchId, BatchQuery query, Model model) {
		BatchRuns found = this.catalog.batchRuns(agentId, batchId);
		Batch batch = found.batch().value();
		Map<String, Review> batchReviews = this.reviews.ofBatch(batchId);
		model.addAttribute("batch",
				BatchPages.view(agentId.value(), batch, found.runs().value(), query, this.views, batchReviews));
		model.addAttribute("reviewLabels", this.reviews.labels());
		model.addAttribute("staleness", found.staleness());
		model.addAttribute("agentId", agentId);
		model.addAttribute("crumbs",
				List.of(new Crumb("Agents", Links.agents()),
						new Crumb(Formats.agentName(batch.agent(), agentId.value()), Links.agent(agentId)),
						Crumb.here("Batch " + batchId)));
		addPin(agentId, batchId, batch.running(), model);
		return "batch/batch";
	}

	/**
	 * The live part of a running batch's page (counts and table), which the page asks for
	 * every 10 seconds while the batch runs. Once the batch has finished, the answer no
	 * longer asks to be refreshed and says that the batch has finished.
	 */
	@GetMapping("/agents/{agentId}/batches/{batchId}/live")
	String live(@PathVariable Id agentId, @PathVariable Id batchId, BatchQuery query, Model model) {
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

	/**
	 * How far archiving a pinned batch's runs has come: the part of the page that asks
	 * again every 10 seconds while it goes on, and no more once it is done.
	 */
	@GetMapping("/agents/{agentId}/batches/{batchId}/pin/progress")
	String pinProgress(@PathVariable Id agentId, @PathVariable Id batchId, Model model) {
		Optional<PinnedBatch> pin = this.pins.find(agentId, batchId);
		boolean running = pin.isPresent() && pin.get().archiving() && running(agentId, batchId);
		addPin(agentId, batchId, running, model);
		return "batch/batch :: pin";
	}

	/** Pins the batch as a baseline under a name; its runs are then archived. */
	@PostMapping("/agents/{agentId}/batches/{batchId}/pin")
	String pin(@PathVariable Id agentId, @PathVariable Id batchId,
			@RequestParam(name = "name", required = false) String name, Principal user, RedirectAttributes redirect) {
		Optional<String> kept = Pins.name(name);
		if (kept.isEmpty()) {
			redirect.addFlashAttribute("flash", "Not pinned: give the baseline a name of 1 to " + Pins.MAX_NAME_LENGTH
					+ " characters, such as \"release 2.3\".");
			return "redirect:" + Links.batch(agentId, batchId);
		}
		PinOutcome outcome = this.pins.pin(agentId, batchId, kept.get(), user.getName());
		redirect.addFlashAttribute("flash", switch (outcome) {
			case PINNED -> "Pinned as \"" + kept.get() + "\": Simboard is archiving every run of this batch.";
			case ALREADY_PINNED -> "This batch was pinned already; its name stays.";
			default -> "The archive is not answering, so the batch was not pinned. Try again in a while.";
		});
		return "redirect:" + Links.batch(agentId, batchId);
	}

	/** Asks to confirm unpinning, with a button that does it. */
	@GetMapping("/agents/{agentId}/batches/{batchId}/unpin")
	String confirmUnpin(@PathVariable Id agentId, @PathVariable Id batchId, Model model, RedirectAttributes redirect) {
		Optional<PinnedBatch> pin = this.pins.find(agentId, batchId);
		if (pin.isEmpty()) {
			redirect.addFlashAttribute("flash", "This batch is not pinned.");
			return "redirect:" + Links.batch(agentId, batchId);
		}
		model.addAttribute("pin", pin.get());
		model.addAttribute("agentId", agentId);
		model.addAttribute("batchHref", Links.batch(agentId, batchId));
		model.addAttribute("crumbs",
				List.of(new Crumb("Agents", Links.agents()), new Crumb(agentId.value(), Links.agent(agentId)),
						new Crumb("Batch " + batchId, Links.batch(agentId, batchId)), Crumb.here("Unpin")));
		return "batch/unpin";
	}

	/** Unpins the batch: its runs stay archived, and the retention may drop them. */
	@PostMapping("/agents/{agentId}/batches/{batchId}/unpin")
	String unpin(@PathVariable Id agentId, @PathVariable Id batchId, RedirectAttributes redirect) {
		Optional<PinnedBatch> pin = this.pins.find(agentId, batchId);
		PinOutcome outcome = pin.isPresent() ? this.pins.unpin(agentId, batchId) : PinOutcome.NOT_PINNED;
		redirect.addFlashAttribute("flash", switch (outcome) {
			case UNPINNED ->
				"Unpinned \"" + pin.get().name() + "\". Its runs stay archived, but the retention may drop them.";
			case ARCHIVE_DOWN -> "The archive is not answering, so the batch is still pinned. Try again in a while.";
			default -> "This batch was not pinned.";
		});
		return "redirect:" + Links.batch(agentId, batchId);
	}

	/** The form that opens a run by its job ID, for when SigmaMind does not list them. */
	@GetMapping("/agents/{agentId}/batches/{batchId}/runs")
	String openRun(@PathVariable Id agentId, @PathVariable Id batchId, @RequestParam Id jobId) {
		return "redirect:" + Links.run(agentId, batchId, jobId);
	}

	/** Whether the batch still runs, as the catalog has it; no when SigmaMind fails. */
	private boolean running(Id agentId, Id batchId) {
		try {
			return this.catalog.batchRuns(agentId, batchId).batch().value().running();
		}
		catch (SigmaMindException ex) {
			return false;
		}
	}

	private void addPin(Id agentId, Id batchId, boolean batchRunning, Model model) {
		model.addAttribute("pin",
				this.pins.find(agentId, batchId).map((pin) -> PinView.of(pin, batchRunning)).orElse(null));
		model.addAttribute("pinNameMax", Pins.MAX_NAME_LENGTH);
		model.addAttribute("pinHref", Links.batch(agentId, batchId) + "/pin");
	}

}
