package dev.simboard.open;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.simboard.catalog.Catalog;
import dev.simboard.catalog.RunAddress;
import dev.simboard.model.Agent;
import dev.simboard.model.Batch;
import dev.simboard.model.Id;
import dev.simboard.sigmamind.SigmaMindException;
import dev.simboard.web.Crumb;
import dev.simboard.web.Links;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The "open" box on every page: a job, batch or agent ID, a Simboard link, or a SigmaMind
 * URL with IDs in it, taken to the right page; or a page that says what else it needs.
 */
@Controller
class QuickOpenController {

	/** A Simboard permalink, or any URL with the same shape. */
	private static final Pattern PERMALINK = Pattern
		.compile("/agents/(" + Id.REGEXP + ")(?:/batches/(" + Id.REGEXP + ")(?:/runs/(" + Id.REGEXP + "))?)?");

	private static final Pattern AGENT = Pattern.compile("\\b(agent_[A-Za-z0-9]{4,124})\\b");

	private static final Pattern BATCH = Pattern.compile("\\b(batch_[A-Za-z0-9]{4,124})\\b");

	private static final Pattern JOB = Pattern.compile("\\b(job_[A-Za-z0-9]{4,124})\\b");

	private static final Pattern CHAT = Pattern.compile("(?<![A-Za-z0-9_-])(chat[_-][A-Za-z0-9]{4,123})\\b");

	private final Catalog catalog;

	QuickOpenController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/open")
	String open(
			@RequestParam(name = "id", required = false) @Size(max = 2000,
					message = "must be at most 2000 characters") String input,
			@RequestParam(name = "agent", required = false) Id pageAgent,
			@RequestParam(name = "batch", required = false) Id batchId, Model model) {
		String text = (input != null) ? input.trim() : "";
		if (pageAgent != null && batchId != null) {
			// The form for a run the archive does not know: its agent and batch given.
			return redirect(pageAgent, batchId, Id.parse(text).orElse(null));
		}
		if (pageAgent != null) {
			// Asked again from this page, the boxes still come from that agent's page.
			model.addAttribute("pageAgent", pageAgent.value());
		}
		Matcher permalink = PERMALINK.matcher(text);
		if (permalink.find()) {
			return redirect(id(permalink, 1), id(permalink, 2), id(permalink, 3));
		}
		Id agent = first(AGENT, text);
		Id batch = first(BATCH, text);
		Id job = first(JOB, text);
		if (agent != null) {
			return redirect(agent, batch, (batch != null) ? job : null);
		}
		if (batch != null) {
			Optional<Id> owner = agentOf(batch);
			if (owner.isPresent()) {
				return redirect(owner.get(), batch, job);
			}
			return explain(model, text, "No agent's recent batch runs include " + batch + ".",
					"Add the agent's ID (agent_…), or paste the batch's full link.");
		}
		Id chat = first(CHAT, text);
		if (job != null || chat != null) {
			Id known = (job != null) ? job : chat;
			Optional<RunAddress> archived = this.catalog.locate(known);
			if (archived.isPresent()) {
				return redirect(archived.get().agentId(), archived.get().batchId(), archived.get().jobId());
			}
			model.addAttribute("unknownJob", (job != null) ? job.value() : "");
			return explain(model, text, "Simboard has not archived a run with " + known + " yet.",
					"Give its agent and batch below, or paste the run's full link.");
		}
		if (pageAgent != null && !text.isEmpty()) {
			// Typed on an agent's page: perhaps words to find rather than an ID.
			model.addAttribute("searchHref",
					UriComponentsBuilder.fromPath(Links.agent(pageAgent) + "/search")
						.queryParam("q", "{q}")
						.encode()
						.buildAndExpand(text)
						.toUriString());
		}
		return explain(model, text, text.isEmpty() ? "Nothing to open." : "That is not an ID or link Simboard knows.",
				"Paste a job, batch or agent ID (job_…, batch_…, agent_…), or a link to one.");
	}

	/** The agent whose newest batch runs include this one, from the cached lists. */
	private Optional<Id> agentOf(Id batchId) {
		try {
			for (Agent agent : this.catalog.agents().value()) {
				Optional<Id> agentId = Id.parse(agent.id());
				if (agentId.isEmpty()) {
					// Listed under an ID Simboard can't ask SigmaMind about.
					continue;
				}
				List<Batch> batches = this.catalog.agentBatches(agentId.get(), 0).batches().value().items();
				if (batches.stream().anyMatch((batch) -> batchId.value().equals(batch.id()))) {
					return agentId;
				}
			}
		}
		catch (SigmaMindException ex) {
			// Not finding it is answered on the page; the error itself helps no one here.
		}
		return Optional.empty();
	}

	private static String redirect(Id agent, Id batch, Id job) {
		if (batch == null) {
			return "redirect:" + Links.agent(agent);
		}
		return "redirect:" + ((job != null) ? Links.run(agent, batch, job) : Links.batch(agent, batch));
	}

	private static String explain(Model model, String input, String problem, String hint) {
		model.addAttribute("input", input);
		model.addAttribute("problem", problem);
		model.addAttribute("hint", hint);
		model.addAttribute("crumbs", List.of(new Crumb("Agents", Links.agents()), Crumb.here("Open")));
		return "open/open";
	}

	private static Id first(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? id(matcher, 1) : null;
	}

	/**
	 * The group as an ID, or {@code null} when it matched nothing or is no ID Simboard
	 * can open (an {@code agent_} one past 128 characters).
	 */
	private static Id id(Matcher matcher, int group) {
		return Id.parse(matcher.group(group)).orElse(null);
	}

}
