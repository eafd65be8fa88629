package dev.simboard.web;

import java.time.LocalDate;
import java.util.Map;

import dev.simboard.model.Id;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;

/**
 * The one part of an address that a page could not use, named as the address names it,
 * with what it accepts: "sort must be label, outcome, …", not "an ID is wrong".
 *
 * @param name the parameter as it appears in the address ({@code sort}, {@code page}), or
 * the path variable ({@code batchId})
 * @param problem what is wrong, as the constraint says it ("must be a whole number")
 * @param inPath whether it is a part of the path rather than of the query string
 * @param missing whether it is absent rather than wrong
 */
record BadParameter(String name, String problem, boolean inPath, boolean missing) {

	/** Path variables in the words a page uses. */
	private static final Map<String, String> PATH_NAMES = Map.of("agentId", "agent ID", "batchId", "batch run ID",
			"jobId", "job ID", "testCaseId", "test case ID");

	private static final String NOTHING_ASKED = " Nothing was asked of SigmaMind.";

	static BadParameter of(Exception ex) {
		if (ex instanceof MissingServletRequestParameterException missing) {
			if (missing.isMissingAfterConversion() && missing.getMethodParameter() != null) {
				// Present but empty, such as jobId=: wrong rather than missing.
				return new BadParameter(missing.getParameterName(),
						wanted(missing.getMethodParameter().getNestedParameterType()), false, false);
			}
			return new BadParameter(missing.getParameterName(), "is missing", false, true);
		}
		if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			return new BadParameter(mismatch.getName(), wanted(mismatch.getRequiredType()),
					mismatch.getParameter().hasParameterAnnotation(PathVariable.class), false);
		}
		if (ex instanceof BindException bind && bind.getFieldError() != null) {
			return of(bind.getFieldError());
		}
		if (ex instanceof HandlerMethodValidationException validation
				&& !validation.getParameterValidationResults().isEmpty()) {
			ParameterValidationResult result = validation.getParameterValidationResults().get(0);
			if (result instanceof ParameterErrors errors && errors.getFieldError() != null) {
				// A query object such as a batch view: name the field, not the object.
				return of(errors.getFieldError());
			}
			MethodParameter parameter = result.getMethodParameter();
			String problem = result.getResolvableErrors()
				.stream()
				.map(MessageSourceResolvable::getDefaultMessage)
				.findFirst()
				.orElse("is not valid");
			return new BadParameter(name(parameter), problem, parameter.hasParameterAnnotation(PathVariable.class),
					false);
		}
		return new BadParameter("", "is not valid", true, false);
	}

	private static BadParameter of(FieldError field) {
		String problem = field.getDefaultMessage();
		if (field.isBindingFailure()) {
			problem = field.contains(TypeMismatchException.class)
					? wanted(field.unwrap(TypeMismatchException.class).getRequiredType()) : "must be a whole number";
		}
		return new BadParameter(field.getField(), problem, false, false);
	}

	/** What the error page says. */
	ErrorView view() {
		String check = "Check the link you followed or pasted: it may be cut short or have extra characters.";
		if (this.inPath || this.name.isEmpty()) {
			String what = PATH_NAMES.getOrDefault(this.name, "ID");
			return new ErrorView(400, "That address has an ID Simboard can't use",
					"The " + what + " in this address " + this.problem + "." + NOTHING_ASKED, check);
		}
		if (this.missing) {
			return new ErrorView(400, "That address is missing " + this.name,
					"This page needs the parameter " + this.name + " in its address, and it has none." + NOTHING_ASKED,
					check + " Pages link to each other with every parameter filled in.");
		}
		return new ErrorView(400, "That address has a " + this.name + " Simboard can't use",
				"In this address, " + this.name + " " + this.problem + "." + NOTHING_ASKED,
				"Correct or remove " + this.name + " in the address, or follow a link from the page instead.");
	}

	private static String name(MethodParameter parameter) {
		PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
		if (path != null && !path.name().isEmpty()) {
			return path.name();
		}
		org.springframework.web.bind.annotation.RequestParam param = parameter
			.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		String name = parameter.getParameterName();
		return (name != null) ? name : "";
	}

	private static String wanted(Class<?> type) {
		if (type == Id.class) {
			return Id.MESSAGE;
		}
		if (type == LocalDate.class) {
			return "must be a date such as 2026-03-26";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "must be a whole number";
		}
		return "is not in a form Simboard reads";
	}

}
