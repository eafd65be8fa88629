package dev.simboard.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.simboard.batch.BatchQuery;
import dev.simboard.batch.RunListViews;
import dev.simboard.catalog.Catalog;
import dev.simboard.catalog.RunDetail;
import dev.simboard.catalog.RunList;
import dev.simboard.model.Attempt;
import dev.simboard.model.HumanVerdict;
import dev.simboard.model.Id;
import dev.simboard.model.Review;
import dev.simboard.model.Run;
import dev.simboard.model.TestCase;
import dev.simboard.review.Reviews;
import dev.simboard.review.Suggestion;
import dev.simboard.review.ReviewView;
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

	private final Reviews reviews;

	RunController(Catalog catalog, RenderedRuns rendered, RunListViews views, Reviews reviews) {
		this.catalog = catalog;
		this.rendered = rendered;
		this.views = views;
		this.reviews = reviews;
	}

	@GetMapping("/agents/{agentId}/batches/{batchId}/runs/{jobId}")
	ModelAndView run(@PathVariable Id agentId, @PathVariable Id batchId, @PathVariable Id jobId, BatchQuery view,
			Authentication user, HttpServletRequest request, Model model) {
		RunDetail detail = this.catalog.run(agentId, batchId, jobId);
		Run run = detail.run();
		Map<String, Review> batchReviews = this.reviews.ofBatch(batchId);
		Review review = batchReviews.get(jobId.value());
		Neighbours neighbours = neighbours(view, agentId, batchId, jobId, batchReviews);
		String attempt = attempt(detail.attempt(), run);
		String batchHref = Links.batch(agentId, batchId) + view.queryString();
		// A flash message is for one page only; such a page is neither kept nor taken
		// from keeping.
		Set<String> roles = AuthorityUtils.authorityListToSet(user.getAuthorities());
		boolean canReview = run.verdict().judged() && (roles.contains("ROLE_REVIEWER") || roles.contains("ROLE_ADMIN"));
		// Offered, never applied: the reviewer takes it with a keystroke or a click.
		Suggestion suggestion = (canReview && review == null) ? this.reviews.suggest(agentId, run).orElse(null) : null;
		// Only admins see the archive's banner: no one else's pages differ by it.
		boolean banner = Boolean.TRUE.equals(model.getAttribute("archiveTrouble")) && roles.contains("ROLE_ADMIN");
		Frame frame = (RequestContextUtils.getInputFlashMap(request) == null) ? new Frame(request.getContextPath(),
				user.getName(), roles, attempt, neighbours.position(), neighbours.previousHref(), neighbours.nextHref(),
				batchHref, banner, (review != null) ? review.version() : 0, neighbours.nextUnreviewedHref(), suggestion)
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
		RunView runView = new RunView(jobId.value(), Formats.label(testCase),
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
		model.addAttribute("run", runView);
		model.addAttribute("review", (review != null) ? ReviewView.of(review) : null);
		model.addAttribute("suggestion", suggestion);
		model.addAttribute("suggestionHref",
				(suggestion != null) ? Links.run(agentId.value(), suggestion.batchId(), suggestion.jobId()) : null);
		model.addAttribute("reviewHistory", (review != null && review.version() > 1)
				? ReviewView.Change.of(this.reviews.history(jobId)) : List.of());
		model.addAttribute("canReview", canReview);
		model.addAttribute("reviewLabels", this.reviews.labels());
		model.addAttribute("reviewVerdicts", HumanVerdict.values());
		model.addAttribute("nextUnreviewedHref", neighbours.nextUnreviewedHref());
		List<PostForm> forms = new ArrayList<>(List.of(new PostForm("refresh-run", runView.refreshHref())));
		if (canReview) {
			String reviewAction = Links.run(agentId, batchId, jobId) + "/review" + view.queryString();
			forms.add(new PostForm("review", reviewAction));
			if (suggestion != null) {
				forms.add(new PostForm("accept-suggestion", reviewAction));
			}
		}
		model.addAttribute(PostForms.ATTRIBUTE, forms);
		// Kept and shared by every user: the application's own context path, never a
		// prefix a request forwarded.
		SafeHtml body = this.rendered.body(request.getServletContext().getContextPath(), detail, runView);
		model.addAttribute("runBody", body);
		model.addAttribute("crumbs",
				List.of(new Crumb("Agents", Links.agents()), new Crumb(agentName, Links.agent(agentId)),
						new Crumb("Batch " + batchId, Links.batch(agentId, batchId)), Crumb.here(runView.label())));
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
	private Neighbours neighbours(BatchQuery batchView, Id agentId, Id batchId, Id jobId,
			Map<String, Review> batchReviews) {
		RunList runs = this.catalog.runsIfCached(agentId, batchId);
		if (runs == null) {
			return new Neighbours("", null, null, null);
		}
		List<Run> ordered = this.views.matching(runs, batchView, batchReviews);
		int index = -1;
		for (int i = 0; i < ordered.size(); i++) {
			if (jobId.value().equals(ordered.get(i).jobId())) {
				index = i;
				break;
			}
		}
		if (index < 0) {
			return new Neighbours("", null, null, null);
		}
		String query = batchView.queryString();
		// The next failure in this view that no one reviewed; past the last, the batch.
		String nextUnreviewed = Links.batch(agentId, batchId) + query;
		for (int i = index + 1; i < ordered.size(); i++) {
			Run other = ordered.get(i);
			if (Verdict.of(other) == Verdict.FAILED && !batchReviews.containsKey(other.jobId())) {
				nextUnreviewed = Links.run(agentId.value(), batchId.value(), other.jobId()) + query;
				break;
			}
		}
		String previous = (index > 0)
				? Links.run(agentId.value(), batchId.value(), ordered.get(index - 1).jobId()) + query : null;
		String next = (index + 1 < ordered.size())
				? Links.run(agentId.value(), batchId.value(), ordered.get(index + 1).jobId()) + query : null;
		return new Neighbours((index + 1) + " of " + ordered.size(), previous, next, nextUnreviewed);
	}

	/**
	 * Where a run stands in a batch view.
	 *
	 * @param position such as {@code 3 of 12}, or empty
	 * @param previousHref the run before, or {@code null}
	 * @param nextHref the run after, or {@code null}
	 * @param nextUnreviewedHref the next failure no one reviewed, else the batch; or
	 * {@code null} where the batch's runs are not at hand
	 */
	private record Neighbours(String position, String previousHref, String nextHref, String nextUnreviewedHref) {
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
