package dev.simboard.agent;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.simboard.catalog.AgentBatches;
import dev.simboard.catalog.Catalog;
import dev.simboard.batch.PinProgress;
import dev.simboard.catalog.Fresh;
import dev.simboard.catalog.PinnedBatch;
import dev.simboard.catalog.Pins;
import dev.simboard.catalog.Staleness;
import dev.simboard.model.Agent;
import dev.simboard.model.Batch;
import dev.simboard.model.Id;
import dev.simboard.model.Page;
import dev.simboard.review.Overturns;
import dev.simboard.review.Reviews;
import dev.simboard.web.Crumb;
import dev.simboard.web.Formats;
import dev.simboard.web.Links;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The agents list and one agent's batch runs, with its pinned baselines.
 */
@Controller
class AgentController {

	private final Catalog catalog;

	private final Pins pins;

	private final Reviews reviews;

	AgentController(Catalog catalog, Pins pins, Reviews reviews) {
		this.catalog = catalog;
		this.pins = pins;
		this.reviews = reviews;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/agents";
	}

	@GetMapping("/agents")
	String agents(@RequestParam(name = "q", required = false) @Size(max = 200,
			message = "must be at most 200 characters") String q, Model model) {
		String query = (q != null) ? q : "";
		Fresh<List<Agent>> agents = this.catalog.agents();
		List<AgentRow> all = agents.value().stream().map(AgentController::row).toList();
		String needle = query.trim().toLowerCase(Locale.ROOT);
		List<AgentRow> shown = needle.isEmpty() ? all
				: all.stream()
					.filter((agent) -> agent.name().toLowerCase(Locale.ROOT).contains(needle)
							|| agent.id().toLowerCase(Locale.ROOT).contains(needle))
					.toList();
		model.addAttribute("q", query.trim());
		model.addAttribute("agents", shown);
		model.addAttribute("total", all.size());
		model.addAttribute("staleness", Staleness.of(agents));
		model.addAttribute("crumbs", List.of(Crumb.here("Agents")));
		return "agent/agents";
	}

	@GetMapping("/agents/{agentId}")
	String agent(@PathVariable Id agentId,
			@RequestParam(name = "page", defaultValue = "1") @Min(1) @Max(100_000) int page, Model model) {
		AgentBatches found = this.catalog.agentBatches(agentId, page - 1);
		AgentRow agent = row(found.agent().value());
		Page<Batch> batches = found.batches().value();
		model.addAttribute("staleness", found.staleness());
		model.addAttribute("agent", agent);
		// The archive's list: pinned batches SigmaMind no longer lists are reached from
		// here.
		List<PinnedBatch> pinned = this.pins.ofAgent(agentId);
		Map<String, String> pinNames = pinned.stream()
			.collect(Collectors.toMap((pin) -> pin.batchId().value(), PinnedBatch::name, (a, b) -> a));
		model.addAttribute("pins", pinned.stream().map(AgentController::row).toList());
		Map<String, Overturns> overturns = this.reviews.overturnsOfAgent(agentId);
		List<BatchRow> rows = batches.items()
			.stream()
			.map((batch) -> row(agentId.value(), batch, pinNames.get(batch.id()),
					overturns.getOrDefault(batch.id(), Overturns.NONE)))
			.toList();
		model.addAttribute("judge", overturns.values().stream().reduce(Overturns.NONE, Overturns::plus));
		model.addAttribute("batches", rows);
		model.addAttribute("trend", Trend.of(rows));
		model.addAttribute("page", page);
		model.addAttribute("totalPages", batches.pages());
		model.addAttribute("totalBatches", batches.total());
		model.addAttribute("previousHref", (page > 1) ? Links.agent(agentId) + "?page=" + (page - 1) : null);
		model.addAttribute("nextHref", batches.more() ? Links.agent(agentId) + "?page=" + (page + 1) : null);
		model.addAttribute("crumbs", List.of(new Crumb("Agents", Links.agents()), Crumb.here(agent.name())));
		return "agent/agent";
	}

	private static AgentRow row(Agent agent) {
		return new AgentRow(agent.id(), Formats.agentName(agent, agent.id()), agent.status());
	}

	private static BatchRow row(String agentId, Batch batch, String pinName, Overturns overturns) {
		Integer rate = batch.passRate();
		int judged = batch.passed() + batch.failed();
		int passedAfterReview = overturns.passedAfterReview(batch.passed());
		Integer afterReview = Batch.passRate(passedAfterReview, judged - passedAfterReview);
		// Shown only where reviews change the figure.
		Integer reviewedRate = (afterReview != null && !afterReview.equals(rate)) ? afterReview : null;
		return new BatchRow(batch.id(), Links.batch(agentId, batch.id()), Formats.timestamp(batch.created()),
				Formats.iso(batch.created()), batch.testCases().size(), batch.passed(), batch.failed(), batch.total(),
				rate, Formats.percent(rate), batch.running(), pinName, overturns, reviewedRate);
	}

	private static PinRow row(PinnedBatch pin) {
		return new PinRow(pin.name(), pin.batchId().value(), Links.batch(pin.agentId(), pin.batchId()), pin.pinnedBy(),
				Formats.timestamp(pin.pinnedAt()), Formats.iso(pin.pinnedAt()), PinProgress.of(pin, false));
	}

}
