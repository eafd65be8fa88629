package dev.simboard.batch;

import java.util.Comparator;
import java.util.List;

import dev.simboard.catalog.Attempt;
import dev.simboard.catalog.BatchRuns;
import dev.simboard.catalog.Catalog;
import dev.simboard.catalog.RunList;
import dev.simboard.sigmamind.BatchRun;
import dev.simboard.sigmamind.TestCase;
import dev.simboard.sigmamind.TestRun;
import dev.simboard.web.Crumb;
import dev.simboard.web.Formats;
import dev.simboard.web.Links;
import dev.simboard.web.Refreshes;
import dev.simboard.web.SigmaMindId;
import dev.simboard.web.Verdict;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

	BatchController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/agents/{agentId}/batches/{batchId}")
	String batch(@PathVariable @SigmaMindId String agentId, @PathVariable @SigmaMindId String batchId, Model model) {
		BatchRuns found = this.catalog.batchRuns(agentId, batchId);
		BatchRun batch = found.batch().value();
		RunList runs = found.runs().value();
		model.addAttribute("staleness", found.staleness());
		Integer rate = Formats.passRate(batch.passed(), batch.failed());
		BatchView view = new BatchView(batchId, Formats.timestamp(batch.createdDate()),
				Formats.iso(batch.createdDate()), batch.passed(), batch.failed(), batch.total(),
				Math.max(0, batch.total() - batch.passed() - batch.failed()), rate, Formats.percent(rate),
				batch.running(), batch.testCases().stream().map(BatchController::row).toList(),
				rows(agentId, batchId, runs), runs.listed());
		model.addAttribute("batch", view);
		model.addAttribute("agentId", agentId);
		model.addAttribute("crumbs",
				List.of(new Crumb("Agents", Links.agents()),
						new Crumb(Formats.agentName(batch.agent(), agentId), Links.agent(agentId)),
						Crumb.here("Batch " + batchId)));
		return "batch/batch";
	}

	/** "Refresh now": asks SigmaMind again, at most once per batch every few seconds. */
	@PostMapping("/agents/{agentId}/batches/{batchId}/refresh")
	String refresh(@PathVariable @SigmaMindId String agentId, @PathVariable @SigmaMindId String batchId,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("flash", Refreshes.message(this.catalog.refreshBatch(agentId, batchId)));
		return "redirect:" + Links.batch(agentId, batchId);
	}

	/** The form that opens a run by its job ID, for when SigmaMind does not list them. */
	@GetMapping("/agents/{agentId}/batches/{batchId}/runs")
	String openRun(@PathVariable @SigmaMindId String agentId, @PathVariable @SigmaMindId String batchId,
			@RequestParam @SigmaMindId String jobId) {
		return "redirect:" + Links.run(agentId, batchId, jobId.trim());
	}

	private static TestCaseRow row(TestCase testCase) {
		return new TestCaseRow(testCase.testCaseId(), Formats.label(testCase), Formats.orDash(testCase.llmModel()),
				(testCase.attempt() != null) ? testCase.attempt().toString() : "—",
				Formats.orDash(testCase.successCriteria()));
	}

	/** Runs by test case label, then attempt. */
	private static List<RunRow> rows(String agentId, String batchId, RunList runs) {
		return runs.runs().stream().map((run) -> {
			Attempt attempt = runs.attempt(run.jobId());
			return new RunRow(run.jobId(), Links.run(agentId, batchId, run.jobId()), Formats.label(run.testCase()),
					attempt.number(), attempt.of(), Verdict.of(run),
					Formats.duration(Formats.between(run.createdDate(), run.completedDate())),
					Formats.timestamp(run.createdDate()), Formats.iso(run.createdDate()));
		})
			.sorted(Comparator.comparing(RunRow::label, String.CASE_INSENSITIVE_ORDER)
				.thenComparingInt(RunRow::attempt))
			.toList();
	}

}
