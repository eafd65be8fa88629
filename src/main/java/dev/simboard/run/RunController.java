package dev.simboard.run;

import java.util.List;

import dev.simboard.catalog.Attempt;
import dev.simboard.catalog.Catalog;
import dev.simboard.catalog.RunDetail;
import dev.simboard.sigmamind.SigmaMindException;
import dev.simboard.sigmamind.TestCase;
import dev.simboard.sigmamind.TestRun;
import dev.simboard.web.Crumb;
import dev.simboard.web.Formats;
import dev.simboard.web.Links;
import dev.simboard.web.SigmaMindId;
import dev.simboard.web.Verdict;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One test run: the verdict, the judge's reasoning beside the success criteria, and the
 * conversation as a chat.
 */
@Controller
class RunController {

	private final Catalog catalog;

	RunController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/agents/{agentId}/batches/{batchId}/runs/{jobId}")
	String run(@PathVariable @SigmaMindId String agentId, @PathVariable @SigmaMindId String batchId,
			@PathVariable @SigmaMindId String jobId, Model model) {
		RunDetail detail = this.catalog.run(agentId, batchId, jobId);
		TestRun run = detail.run();
		TestCase testCase = run.testCase();
		Verdict verdict = Verdict.of(run);
		String agentName = Formats.agentName(run.agent(), agentId);
		RunView view = new RunView(jobId, Formats.label(testCase),
				(testCase != null) ? Formats.orDash(testCase.testCaseId()) : "—", verdict,
				(testCase != null) ? Formats.orDash(testCase.successCriteria()) : "—", remarks(run, verdict),
				(testCase != null) ? Formats.orDash(testCase.userPrompt()) : "—",
				(testCase != null) ? testCase.mockData() : List.of(),
				(testCase != null) ? Formats.orDash(testCase.llmModel()) : "—", attempt(agentId, batchId, run),
				Formats.timestamp(run.createdDate()), Formats.iso(run.createdDate()),
				Formats.timestamp(run.completedDate()), Formats.iso(run.completedDate()),
				Formats.duration(Formats.between(run.createdDate(), run.completedDate())), Formats.orDash(run.chatId()),
				detail.transcript().turns(), source(detail), detail.transcriptProblem());
		model.addAttribute("run", view);
		model.addAttribute("crumbs",
				List.of(new Crumb("Agents", Links.agents()), new Crumb(agentName, Links.agent(agentId)),
						new Crumb("Batch " + batchId, Links.batch(agentId, batchId)), Crumb.here(view.label())));
		return "run/run";
	}

	/** "2 of 3" where the batch's runs are listed; else what the test case plans. */
	private String attempt(String agentId, String batchId, TestRun run) {
		try {
			Attempt attempt = this.catalog.runs(agentId, batchId).attempt(run.jobId());
			if (attempt != null) {
				return attempt.toString();
			}
		}
		catch (SigmaMindException ex) {
			// The run itself is what matters here; the attempt number is a nicety.
		}
		Integer planned = (run.testCase() != null) ? run.testCase().attempt() : null;
		return (planned != null) ? "one of " + planned : "—";
	}

	private static String remarks(TestRun run, Verdict verdict) {
		if (run.remarks() != null && !run.remarks().isBlank()) {
			return run.remarks();
		}
		return (verdict == Verdict.RUNNING) ? "The judge has not spoken yet: this run is still going."
				: "The judge left no remarks.";
	}

	private static String source(RunDetail detail) {
		return switch (detail.transcript().source()) {
			case CONVERSATION -> "from the test run";
			case CHAT -> "from chat " + detail.run().chatId();
			case NONE -> "not available";
		};
	}

}
