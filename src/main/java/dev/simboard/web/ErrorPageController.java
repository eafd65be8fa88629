package dev.simboard.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page for errors raised outside a controller: a request the firewall refused, an
 * unknown address, a denied one. Replaces Boot's whitelabel page, so no detail of the
 * failure is ever shown.
 */
@Controller
class ErrorPageController implements ErrorController {

	@RequestMapping("/error")
	ModelAndView error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (code instanceof Integer value) ? value : 500;
		if (status == 403 && request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
			return ErrorPages.page(FORM_REFUSED);
		}
		return ErrorPages.page(view(status));
	}

	/**
	 * A form whose token was missing or wrong: expired, or not sent from Simboard's page.
	 */
	static final ErrorView FORM_REFUSED = new ErrorView(403, "That form was not accepted",
			"Simboard could not confirm that this form came from a page it gave you in this session: "
					+ "the page may have been open too long, or the form was sent from somewhere else. Nothing was changed.",
			"Go back, reload the page, and send the form again.");

	static ErrorView view(int status) {
		return switch (status) {
			case 400 -> new ErrorView(400, "Bad request",
					"This address is not one Simboard can serve: it has characters or a shape that are not allowed.",
					"Check the link you followed or pasted, or start again from the agents list.");
			case 403 -> new ErrorView(403, "Not allowed", "This page or action is not open to your account.",
					"Go back and try again; if it goes on, ask an administrator for access.");
			case 404 -> new ErrorView(404, "No such page", "Simboard has no page at this address.",
					"Check the link, or start again from the agents list.");
			case 405 -> new ErrorView(405, "Not allowed here", "This address does not take that kind of request.",
					"Open the page from a link instead.");
			default -> new ErrorView(status, "Something went wrong",
					"Simboard hit an unexpected problem while making this page. It has been logged.",
					"Reload the page; if it goes on, tell whoever runs Simboard the time it happened.");
		};
	}

}
