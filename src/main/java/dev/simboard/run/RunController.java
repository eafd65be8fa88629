package dev.simboard.run;

import java.util.List;
import java.util.Set;

import dev.simboard.batch.BatchQuery;
import dev.simboard.batch.RunListViews;
import dev.simboard.catalog.Catalog;
import dev.simboard.catalog.RunDetail;
import dev.simboard.catalog.RunList;
import dev.simboard.model.Attempt;
import dev.simboard.model.Id;
import dev.simboard.model.Run;
import dev.simboard.model.TestCase;
import dev.simboard.run.RenderedRuns.Frame;
import dev.simboard.web.Crumb;
import dev.simboard.web.Formats;
import dev.simboard.web.Links;
import dev.simboard.web.PostForm;
import dev.simboard.web.PostForms;
import dev.simboard.pagecache.KeptPage;
import dev.simboard.pagecache.PageKeeper;
import dev.simboard.web.Refreshes;
import dev.simboard.pagecache.SafeHtml;
import dev.simboard.web.Verdict;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One test run: the verdict, the judge's reasoning beside the success criteria, and the
 * conversation as a chat. A finished run's page is rendered once per user and batch view
 * and then sent as kept (see {@link RenderedRuns}).
 */
@Controller
class RunController {

	private final Catalog catalog;

	private final RenderedRuns rendered;

	private final RunListViews views;

	RunController(Catalog catalog, RenderedRuns rendered, RunListViews views) {
		this.catalog = catalog;
		this.rendered = rendered;
		this.views = views;
	}

	@GetMapping("/agents/{agentId}/batches/{batchId}/runs/{jobId}")
	ModelAndView run(@PathVariable Id agentId, @PathVariable Id batchId, @PathVariable Id jobId,
			@Valid @ModelAttribute("view") BatchQuery batchView, Authentication user, HttpServletRequest request,
			Model model) {
		RunDetail detail = this.catalog.run(agentId, batchId, jobId);
		Run run = detail.run();
		Neighbours neighbours = neighbours(batchView, agentId, batchId, jobId);
		String attempt = attempt(detail.attempt(), run);
		String batchHref = Links.batch(agentId, batchId) + batchView.queryString();
		// A flash message is for one page only; such a page is neither kept nor taken
		// from keeping.
		Set<String> roles = AuthorityUtils.authorityListToSet(user.getAuthorities());
		// Only admins see the archive's banner: no one else's pages differ by it.
		boolean banner = Boolean.TRUE.equals(model.getAttribute("archiveTrouble")) && roles.contains("ROLE_ADMIN");
		Frame frame = (RequestContextUtils.getInputFlashMap(request) == null)
				? new Frame(request.getContextPath(), user.getName(), roles, attempt, neighbours.position(),
						neighbours.previousHref(), neighbours.nextHref(), batchHref, banner)
				: null;
		KeptPage kept = (frame != null) ? this.rendered.page(detail, frame) : null;
		if (kept != null) {
			return new ModelAndView(kept);
		}
		model.addAttribute("staleness", detail.staleness());
		model.addAttribute("goneUpstream", detail.goneUpstream());
		TestCase testCase = run.testCase();
		Verdict verdict = Verdict.of(run);
		String agentName = Formats.agentName(run.agent(), agentId.value());
		RunView view = new RunView(jobId.value(), Formats.label(testCase),
				(testCase != null) ? Formats.orDash(testCase.id()) : "—", verdict,
				(testCase != null) ? Formats.orDash(testCase.successCriteria()) : "—", Formats.remarks(run),
				(testCase != null) ? Formats.orDash(testCase.userPrompt()) : "—",
				(testCase != null) ? testCase.mockData() : List.of(),
				(testCase != null) ? Formats.orDash(testCase.model()) : "—", attempt, Formats.timestamp(run.created()),
				Formats.iso(run.created()), Formats.timestamp(run.completed()), Formats.iso(run.completed()),
				Formats.duration(run.duration()), Formats.orDash(run.chatId()), detail.transcript().turns(),
				source(detail), detail.transcriptProblem(), Links.run(agentId, batchId, jobId) + "/refresh",
				Links.run(agentId, batchId, jobId), batchHref, neighbours.position(), neighbours.previousHref(),
				neighbours.nextHref());
		model.addAttribute("run", view);
		model.addAttribute(PostForms.ATTRIBUTE, List.of(new PostForm("refresh-run", view.refreshHref())));
		// Kept and shared by every user: the application's own context path, never a
		// prefix a request forwarded.
		SafeHtml body = this.rendered
			.body(request.getServletContext().getContextPath() + Links.run(agentId, batchId, jobId), detail, view);
		model.addAttribute("runBody", body);
		model.addAttribute("crumbs",
				List.of(new Crumb("Agents", Links.agents()), new Crumb(agentName, Links.agent(agentId)),
						new Crumb("Batch " + batchId, Links.batch(agentId, batchId)), Crumb.here(view.label())));
		PageKeeper keeper = (frame != null) ? this.rendered.keeper(detail, frame, body) : null;
		if (keeper != null) {
			model.addAttribute(PageKeeper.ATTRIBUTE, keeper);
		}
		return new ModelAndView("run/run");
	}

	/**
	 * The runs before and after this one in the batch view the user came from, when the
	 * batch's runs are cached (they are, coming from its page); none otherwise.
	 */
	private Neighbours neighbours(BatchQuery batchView, Id agentId, Id batchId, Id jobId) {
		RunList runs = this.catalog.runsIfCached(agentId, batchId);
		if (runs == null) {
			return new Neighbours("", null, null);
		}
		List<Run> ordered = this.views.matching(runs, batchView);
		int index = -1;
		for (int i = 0; i < ordered.size(); i++) {
			if (jobId.value().equals(ordered.get(i).jobId())) {
				index = i;
				break;
			}
		}
		if (index < 0) {
			return new Neighbours("", null, null);
		}
		String query = batchView.queryString();
		String previous = (index > 0)
				? Links.run(agentId.value(), batchId.value(), ordered.get(index - 1).jobId()) + query : null;
		String next = (index + 1 < ordered.size())
				? Links.run(agentId.value(), batchId.value(), ordered.get(index + 1).jobId()) + query : null;
		return new Neighbours((index + 1) + " of " + ordered.size(), previous, next);
	}

	/**
	 * Where a run stands in a batch view.
	 *
	 * @param position such as {@code 3 of 12}, or empty
	 * @param previousHref the run before, or {@code null}
	 * @param nextHref the run after, or {@code null}
	 */
	private record Neighbours(String position, String previousHref, String nextHref) {
	}

	/** "2 of 3" where the batch's runs are at hand; else what the test case plans. */
	private static String attempt(Attempt attempt, Run run) {
		if (attempt != null) {
			return attempt.toString();
		}
		Integer planned = (run.testCase() != null) ? run.testCase().attempts() : null;
		return (planned != null) ? "one of " + planned : "—";
	}

	/** "Refresh now": asks SigmaMind again, at most once per run every few seconds. */
	@PostMapping("/agents/{agentId}/batches/{batchId}/runs/{jobId}/refresh")
	String refresh(@PathVariable Id agentId, @PathVariable Id batchId, @PathVariable Id jobId,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("flash", Refreshes.message(this.catalog.refreshRun(agentId, batchId, jobId)));
		return "redirect:" + Links.run(agentId, batchId, jobId);
	}

	private static String source(RunDetail detail) {
		return switch (detail.transcript().source()) {
			case RUN -> "from the test run";
			case CHAT -> "from chat " + detail.run().chatId();
			case NONE -> "not available";
		};
	}

}
