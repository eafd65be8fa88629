package dev.simboard.web;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.simboard.catalog.Staleness;
import dev.simboard.sigmamind.SigmaMindRateLimitedException;
import dev.simboard.sigmamind.SigmaMindUnauthorizedException;
import dev.simboard.sigmamind.SigmaMindUnavailableException;
import dev.simboard.sigmamind.SigmaMindUnavailableException.Reason;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns a page's {@code staleness} into the quiet banner the layout shows: how old the
 * data is, and why it could not be renewed.
 */
class StaleNotice implements HandlerInterceptor {

	private final Clock clock;

	StaleNotice(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (modelAndView != null && modelAndView.getModel().get("staleness") instanceof Staleness staleness) {
			modelAndView.addObject("staleNotice", text(staleness));
		}
	}

	String text(Staleness staleness) {
		Duration age = Duration.between(staleness.since(), this.clock.instant());
		return "Showing data from " + Formats.ago(age) + ": " + why(staleness)
				+ ". Simboard keeps trying in the background.";
	}

	private static String why(Staleness staleness) {
		if (staleness.cause() instanceof SigmaMindRateLimitedException) {
			return "SigmaMind asked Simboard to slow down";
		}
		if (staleness.cause() instanceof SigmaMindUnauthorizedException) {
			return "SigmaMind refused Simboard's API key";
		}
		if (staleness.cause() instanceof SigmaMindUnavailableException unavailable
				&& unavailable.reason() == Reason.CIRCUIT_OPEN) {
			return "SigmaMind kept failing, so Simboard has paused its calls for a while";
		}
		return "SigmaMind is not answering";
	}

}
