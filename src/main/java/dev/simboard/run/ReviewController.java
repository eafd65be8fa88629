package dev.simboard.run;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import dev.simboard.batch.BatchQuery;
import dev.simboard.catalog.Catalog;
import dev.simboard.model.HumanVerdict;
import dev.simboard.model.Id;
import dev.simboard.model.Run;
import dev.simboard.review.ReviewDraft;
import dev.simboard.review.ReviewView;
import dev.simboard.review.Reviews;
import dev.simboard.review.ReviewsUnavailableException;
import dev.simboard.web.Crumb;
import dev.simboard.web.ErrorPageException;
import dev.simboard.web.ErrorView;
import dev.simboard.web.Links;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Saves a run's review: a plain form POST, so it works without JavaScript. The run page
 * shows the form (to REVIEWER and ADMIN; SecurityConfiguration refuses the rest); a save
 * against a version someone else has changed meanwhile gets a page with both reviews.
 */
@Controller
class ReviewController {

	private final Catalog catalog;

	private final Reviews reviews;

	ReviewController(Catalog catalog, Reviews reviews) {
		this.catalog = catalog;
		this.reviews = reviews;
	}

	@PostMapping("/agents/{agentId}/batches/{batchId}/runs/{jobId}/review")
	ModelAndView review(@PathVariable Id agentId, @PathVariable Id batchId, @PathVariable Id jobId, BatchQuery view,
			ReviewForm form, Authentication user, RedirectAttributes redirect) {
		ReviewDraft draft = draft(form);
		Run run = this.catalog.run(agentId, batchId, jobId).run();
		if (!run.verdict().judged()) {
			throw refused(HttpStatus.CONFLICT, "Not judged yet",
					"The judge has not given a verdict on this run yet, so there is nothing to review.",
					"Review it once the judge has spoken: reload its page in a while.");
		}
		String runHref = Links.run(agentId, batchId, jobId) + view.queryString();
		Reviews.Saving saving;
		try {
			saving = this.reviews.save(agentId, batchId, run, draft, form.seenVersion(), user.getName(),
					suggestedFrom(form));
		}
		catch (ReviewsUnavailableException ex) {
			throw new ErrorPageException(
					new ErrorView(HttpStatus.SERVICE_UNAVAILABLE.value(), "The review was not saved",
							"The database that keeps reviews does not answer, so nothing was changed.",
							"Go back, and save again in a minute: your browser keeps what you typed. If it goes on, an "
									+ "operator should check the database named in Simboard's log."),
					ex.getCause());
		}
		if (saving instanceof Reviews.Saving.Conflict conflict) {
			ModelAndView page = new ModelAndView("review/conflict");
			page.setStatus(HttpStatus.CONFLICT);
			page.addObject("theirs", (conflict.current() != null) ? ReviewView.of(conflict.current()) : null);
			page.addObject("mine", draft);
			page.addObject("mineVerdict", draft.verdict().label());
			page.addObject("currentVersion", (conflict.current() != null) ? conflict.current().version() : 0);
			page.addObject("runHref", runHref);
			page.addObject("reviewHref", Links.run(agentId, batchId, jobId) + "/review" + view.queryString());
			page.addObject("crumbs",
					List.of(new Crumb("Agents", Links.agents()),
							new Crumb("Batch " + batchId, Links.batch(agentId, batchId)),
							new Crumb("Run " + jobId, runHref), Crumb.here("Review not saved")));
			return page;
		}
		redirect.addFlashAttribute("flash", "Review saved.");
		return new ModelAndView("redirect:" + runHref);
	}

	private static Id suggestedFrom(ReviewForm form) {
		String suggestion = blankToNull(form.suggestion());
		if (suggestion == null) {
			return null;
		}
		return Id.parse(suggestion).orElseThrow(() -> badForm("suggestion must be a job ID"));
	}

	/** The form, checked; a form no page of Simboard's would send is refused. */
	private ReviewDraft draft(ReviewForm form) {
		HumanVerdict verdict = HumanVerdict.parse(form.verdict())
			.orElseThrow(() -> badForm("verdict must be agree, pass or fail"));
		String label = blankToNull(form.label());
		if (label != null && !this.reviews.labels().contains(label)) {
			throw badForm("label must be one of " + String.join(", ", this.reviews.labels()));
		}
		String note = blankToNull(form.note());
		if (note != null && note.length() > Reviews.NOTE_MAX) {
			throw badForm("the note must be at most " + Reviews.NOTE_MAX + " characters");
		}
		String ticket = blankToNull(form.ticket());
		if (ticket != null && !ticket(ticket)) {
			throw badForm("the ticket must be an http or https link of at most " + Reviews.TICKET_MAX + " characters");
		}
		if (form.seenVersion() < 0) {
			throw badForm("version must be 0 or more");
		}
		return new ReviewDraft(verdict, label, note, ticket);
	}

	/** An absolute http or https link to a host, as a browser would open it. */
	static boolean ticket(String link) {
		if (link.length() > Reviews.TICKET_MAX) {
			return false;
		}
		try {
			URI uri = new URI(link);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static ErrorPageException badForm(String problem) {
		return refused(HttpStatus.BAD_REQUEST, "The review was not saved", "The form was refused: " + problem + ".",
				"Go back, correct it and save again.");
	}

	private static ErrorPageException refused(HttpStatus status, String title, String detail, String hint) {
		return new ErrorPageException(new ErrorView(status.value(), title, detail, hint));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
