package dev.simboard.compare;

import java.util.List;
import java.util.Objects;

import dev.simboard.catalog.BatchRuns;
import dev.simboard.catalog.Catalog;
import dev.simboard.catalog.Pins;
import dev.simboard.catalog.RunDetail;
import dev.simboard.catalog.Staleness;
import dev.simboard.model.Batch;
import dev.simboard.model.Id;
import dev.simboard.model.Page;
import dev.simboard.model.Run;
import dev.simboard.review.Reviews;
import dev.simboard.sigmamind.SigmaMindNotFoundException;
import dev.simboard.web.Crumb;
import dev.simboard.web.Formats;
import dev.simboard.web.Links;
import dev.simboard.web.NotFoundException;
import dev.simboard.web.Verdict;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Two batch runs of one agent side by side, test case by test case, and two runs'
 * conversations side by side, turn by turn.
 */
@Controller
class CompareController {

	/** Pages of an agent's batches searched for the batch before another (20 a page). */
	static final int MAX_BATCH_PAGES = 50;

	private final Catalog catalog;

	private final Pins pins;

	private final Reviews reviews;

	CompareController(Catalog catalog, Pins pins, Reviews reviews) {
		this.catalog = catalog;
		this.pins = pins;
		this.reviews = reviews;
	}

	/**
	 * The head batch against the base batch; without a base, a redirect to the head
	 * against the batch before it in the agent's list, so the address stays a permalink.
	 */
	@GetMapping("/agents/{agentId}/compare")
	String compare(@PathVariable Id agentId, @RequestParam Id head, @RequestParam(required = false) Id base,
			Model model) {
		if (base == null) {
			String previous = previousBatch(agentId, head);
			if (previous != null) {
				return "redirect:" + CompareLinks.compare(agentId.value(), previous, head.value());
			}
			model.addAttribute("agentId", agentId);
			model.addAttribute("headId", head);
			model.addAttribute("headHref", Links.batch(agentId, head));
			model.addAttribute("baselines", baselines(agentId, head));
			model.addAttribute("crumbs", List.of(new Crumb("Agents", Links.agents()),
					new Crumb(agentId.value(), Links.agent(agentId)), Crumb.here("Compare batch " + head)));
			return "compare/none";
		}
		BatchRuns before = batchRuns(agentId, base, "base");
		BatchRuns after = batchRuns(agentId, head, "head");
		Batch headBatch = after.batch().value();
		model.addAttribute("view",
				Comparisons.view(agentId.value(),
						new Comparisons.Side(before.batch().value(), before.runs().value(), this.reviews.ofBatch(base)),
						new Comparisons.Side(headBatch, after.runs().value(), this.reviews.ofBatch(head))));
		model.addAttribute("agentId", agentId);
		model.addAttribute("baselines", baselines(agentId, head));
		model.addAttribute("staleness", Staleness.of(before.batch(), before.runs(), after.batch(), after.runs()));
		model.addAttribute("crumbs",
				List.of(new Crumb("Agents", Links.agents()),
						new Crumb(Formats.agentName(headBatch.agent(), agentId.value()), Links.agent(agentId)),
						Crumb.here("Compare " + base + " → " + head)));
		return "compare/compare";
	}

	/** The conversations of two runs of the agent, aligned turn by turn. */
	@GetMapping("/agents/{agentId}/diff")
	String diff(@PathVariable Id agentId, @RequestParam Id baseBatch, @RequestParam Id baseJob,
			@RequestParam Id headBatch, @RequestParam Id headJob, Model model) {
		RunDetail before = run(agentId, baseBatch, baseJob, "base");
		RunDetail after = run(agentId, headBatch, headJob, "head");
		DiffSide base = side(agentId, baseBatch, baseJob, before);
		DiffSide head = side(agentId, headBatch, headJob, after);
		List<DiffRow> rows = (base.transcriptProblem() == null && head.transcriptProblem() == null)
				? TranscriptDiff.rows(before.transcript().turns(), after.transcript().turns(), base.href(), head.href())
				: List.of();
		String compareHref = CompareLinks.compare(agentId.value(), baseBatch.value(), headBatch.value());
		model.addAttribute("diff",
				new DiffView(base, head, rows, count(rows, "same"), count(rows, "changed"), count(rows, "removed"),
						count(rows, "added"), Objects.equals(testCaseId(before.run()), testCaseId(after.run())),
						compareHref));
		model.addAttribute("agentId", agentId);
		model.addAttribute("staleness", older(before.staleness(), after.staleness()));
		model.addAttribute("crumbs", List.of(new Crumb("Agents", Links.agents()),
				new Crumb(Formats.agentName(after.run().agent(), agentId.value()), Links.agent(agentId)),
				new Crumb("Compare " + baseBatch + " → " + headBatch, compareHref), Crumb.here("Transcript diff")));
		return "compare/diff";
	}

	/**
	 * A side of the comparison; when SigmaMind has no such batch, a 404 that names it.
	 */
	private BatchRuns batchRuns(Id agentId, Id batchId, String side) {
		try {
			return this.catalog.batchRuns(agentId, batchId);
		}
		catch (SigmaMindNotFoundException ex) {
			throw new NotFoundException("SigmaMind has no batch run " + batchId + " (the " + side
					+ " of this comparison) for agent " + agentId + ".");
		}
	}

	/** A side of the diff; when SigmaMind has no such run, a 404 that names it. */
	private RunDetail run(Id agentId, Id batchId, Id jobId, String side) {
		try {
			return this.catalog.run(agentId, batchId, jobId);
		}
		catch (SigmaMindNotFoundException ex) {
			throw new NotFoundException("SigmaMind has no test run " + jobId + " in batch run " + batchId + " (the "
					+ side + " of this diff) for agent " + agentId + ".");
		}
	}

	/**
	 * What the form offers as the base first: the agent's pinned baselines, by name, each
	 * with a link that compares the head with it.
	 */
	private List<Baseline> baselines(Id agentId, Id head) {
		return this.pins.ofAgent(agentId)
			.stream()
			.filter((pin) -> !pin.batchId().equals(head))
			.map((pin) -> new Baseline(pin.batchId().value(), pin.name(),
					CompareLinks.compare(agentId.value(), pin.batchId().value(), head.value())))
			.toList();
	}

	/** The batch listed after the head batch (the next older one), or {@code null}. */
	private String previousBatch(Id agentId, Id head) {
		boolean found = false;
		for (int page = 0; page < MAX_BATCH_PAGES; page++) {
			Page<Batch> batches = this.catalog.agentBatches(agentId, page).batches().value();
			for (Batch batch : batches.items()) {
				if (found) {
					return batch.id();
				}
				found = head.value().equals(batch.id());
			}
			if (!batches.more() || batches.items().isEmpty()) {
				return null;
			}
		}
		return null;
	}

	private static DiffSide side(Id agentId, Id batchId, Id jobId, RunDetail detail) {
		Run run = detail.run();
		Verdict verdict = Verdict.of(run);
		return new DiffSide(batchId.value(), jobId.value(), Formats.label(run.testCase()), verdict,
				Formats.remarks(run), Links.run(agentId, batchId, jobId), detail.transcriptProblem());
	}

	private static String testCaseId(Run run) {
		return run.testCaseId();
	}

	private static int count(List<DiffRow> rows, String kind) {
		return (int) rows.stream().filter((row) -> kind.equals(row.kind())).count();
	}

	private static Staleness older(Staleness a, Staleness b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.since().isBefore(b.since())) ? a : b;
	}

}
