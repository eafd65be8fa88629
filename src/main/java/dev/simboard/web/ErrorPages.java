package dev.simboard.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.simboard.logging.Warnings;
import dev.simboard.sigmamind.SigmaMindBadResponseException;
import dev.simboard.sigmamind.SigmaMindNotFoundException;
import dev.simboard.sigmamind.SigmaMindRateLimitedException;
import dev.simboard.sigmamind.SigmaMindUnauthorizedException;
import dev.simboard.sigmamind.SigmaMindUnavailableException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.validation.BindException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Turns every failure a page can meet into one clear page: what happened, what to do.
 * Nothing here shows a stack trace or an upstream body.
 */
@ControllerAdvice
class ErrorPages {

	private static final Logger logger = LoggerFactory.getLogger(ErrorPages.class);

	private final Warnings warnings;

	ErrorPages(ObjectProvider<Clock> clock) {
		this.warnings = new Warnings(logger, clock.getIfAvailable(Clock::systemUTC));
	}

	private static final String CHECK_KEY = "An operator should check SIGMAMIND_API_KEY "
			+ "(simboard.sigmamind.api-key) and restart Simboard.";

	@ExceptionHandler({ HandlerMethodValidationException.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestParameterException.class, BindException.class })
	ModelAndView badRequest(Exception ex, HttpServletRequest request) {
		BadParameter bad = BadParameter.of(ex);
		this.warnings.warn("400 " + bad.name(), "Refused {} {}: {} {}", request.getMethod(), request.getRequestURI(),
				bad.name(), bad.problem());
		return page(bad.view());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ModelAndView noSuchPage() {
		return page(ErrorPageController.view(404));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ModelAndView methodNotAllowed() {
		return page(ErrorPageController.view(405));
	}

	@ExceptionHandler(ErrorPageException.class)
	ModelAndView refused(ErrorPageException ex, HttpServletRequest request) {
		this.warnings.warn(ex.view().status() + " " + ex.view().title(), "Refused {} {}: {}", request.getMethod(),
				request.getRequestURI(), ex.getMessage());
		return page(ex.view());
	}

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(NotFoundException ex) {
		return page(new ErrorView(404, "Not found", ex.getMessage(),
				"The link may be mistyped, or the item deleted in SigmaMind. Start again from the agents list."));
	}

	@ExceptionHandler(SigmaMindNotFoundException.class)
	ModelAndView notFound(SigmaMindNotFoundException ex, HttpServletRequest request) {
		return page(new ErrorView(404, "Not found", missing(ex.endpoint(), pathVariables(request)),
				"The link may be mistyped, or the item deleted in SigmaMind. Start again from the agents list."));
	}

	// SigmaMind's failures were logged once, by the client, as they happened.

	@ExceptionHandler(SigmaMindUnauthorizedException.class)
	ModelAndView unauthorized(SigmaMindUnauthorizedException ex) {
		return page(new ErrorView(502, "SigmaMind refused Simboard's API key",
				"SigmaMind answered that the API key Simboard uses is not valid (or no longer is).", CHECK_KEY));
	}

	@ExceptionHandler(SigmaMindRateLimitedException.class)
	ModelAndView rateLimited(SigmaMindRateLimitedException ex, HttpServletResponse response) {
		Duration wait = ex.retryAfter();
		if (wait != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
		}
		String when = (wait != null) ? "in " + Formats.duration(wait.isZero() ? Duration.ofSeconds(1) : wait)
				: "in a minute";
		return page(new ErrorView(503, "SigmaMind asked us to slow down",
				"SigmaMind answered 429 Too Many Requests for this page.", "Try again " + when + "."));
	}

	@ExceptionHandler(SigmaMindUnavailableException.class)
	ModelAndView unavailable(SigmaMindUnavailableException ex) {
		String detail = switch (ex.reason()) {
			case CIRCUIT_OPEN -> "SigmaMind failed again and again just now, so Simboard has paused its calls "
					+ "for a short while rather than make you wait for each one.";
			case BUSY -> "Too many pages are waiting for SigmaMind right now, so Simboard did not add this one.";
			case TIMEOUT -> "SigmaMind did not answer in time.";
			default -> "Simboard could not reach SigmaMind, or SigmaMind reported an error of its own.";
		};
		return page(new ErrorView(502, "SigmaMind is not answering", detail,
				"Reload in a minute. If it goes on, check SigmaMind's status and the network between it and Simboard."));
	}

	@ExceptionHandler(SigmaMindBadResponseException.class)
	ModelAndView badResponse(SigmaMindBadResponseException ex) {
		return page(new ErrorView(502, "SigmaMind's answer could not be read",
				"SigmaMind answered, but not with the data Simboard expects (not JSON, the wrong shape, or too large).",
				"Reload in a minute. If it goes on, an operator should check simboard.sigmamind.base-url "
						+ "and Simboard's log."));
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception ex, HttpServletRequest request) {
		// A browser that left mid-answer is not Simboard's fault, and has no use for a
		// page.
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			logger.debug("Client left during {}", request.getRequestURI());
			return null;
		}
		logger.error("Unexpected error on {}", request.getRequestURI(), ex);
		return page(ErrorPageController.view(500));
	}

	static ModelAndView page(ErrorView error) {
		ModelAndView mav = new ModelAndView("error");
		mav.addObject("error", error);
		mav.addObject("crumbs", List.of(new Crumb("Agents", Links.agents()), Crumb.here("Error " + error.status())));
		mav.setStatus(org.springframework.http.HttpStatusCode.valueOf(error.status()));
		return mav;
	}

	/**
	 * Names what was not found, from the endpoint that answered 404 and the IDs asked
	 * for.
	 */
	static String missing(String endpoint, Map<String, String> ids) {
		String agent = ids.getOrDefault("agentId", "");
		String ofAgent = agent.isEmpty() ? "" : " of agent " + agent;
		if (endpoint.contains("/chats/")) {
			return "SigmaMind has no chat for this run.";
		}
		if (endpoint.contains("/test-runs/")) {
			return "SigmaMind has no test run" + named(ids, "jobId") + " in batch run" + named(ids, "batchId") + ofAgent
					+ ".";
		}
		if (endpoint.contains("/batch-runs/")) {
			return "SigmaMind has no batch run" + named(ids, "batchId") + (agent.isEmpty() ? "" : " for agent " + agent)
					+ ".";
		}
		if (endpoint.contains("/agents/") || endpoint.contains("batch-runs")) {
			return "SigmaMind has no agent" + (agent.isEmpty() ? "" : " " + agent) + ".";
		}
		return "SigmaMind has nothing at this address.";
	}

	/** " batch_x", or nothing when the ID came from the query rather than the path. */
	private static String named(Map<String, String> ids, String name) {
		String id = ids.get(name);
		return (id != null) ? " " + id : "";
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> pathVariables(HttpServletRequest request) {
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		return (variables instanceof Map<?, ?> map) ? (Map<String, String>) map : Map.of();
	}

}
