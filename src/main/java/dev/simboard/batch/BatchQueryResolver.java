package dev.simboard.batch;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import dev.simboard.model.Id;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Binds a {@link BatchQuery} from the query string, checked by its constraints, and puts
 * it in the model under the parameter's name. Spring's own binding of a record as a model
 * attribute reads its constructor's annotations afresh on every request (the JDK keeps no
 * copy): 12% of a kept run page's CPU in the benchmark's profile. A bad value is refused
 * as that binding refused it, with the same {@link BindException}.
 */
final class BatchQueryResolver implements HandlerMethodArgumentResolver {

	private final Validator validator;

	BatchQueryResolver(Validator validator) {
		this.validator = validator;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == BatchQuery.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest webRequest, WebDataBinderFactory binders) throws Exception {
		String name = parameter.getParameterName();
		Parameters request = Parameters.of(webRequest);
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(null, name);
		Integer page = null;
		String pageText = value(request, "page");
		if (pageText != null) {
			try {
				page = Integer.valueOf(pageText);
			}
			catch (NumberFormatException ex) {
				errors.addError(new FieldError(name, "page", pageText, true, new String[] { "typeMismatch" }, null,
						"must be a whole number"));
			}
		}
		Id testCase = null;
		String testCaseText = value(request, "testCase");
		if (testCaseText != null) {
			testCase = Id.parse(testCaseText).orElse(null);
			if (testCase == null) {
				FieldError error = new FieldError(name, "testCase", testCaseText, true, new String[] { "typeMismatch" },
						null, "is not a test case ID");
				error.wrap(new TypeMismatchException(testCaseText, Id.class));
				errors.addError(error);
			}
		}
		if (errors.hasErrors()) {
			throw new BindException(errors);
		}
		BatchQuery query = new BatchQuery(value(request, "outcome"), value(request, "q"), testCase,
				value(request, "sort"), page, value(request, "review"), value(request, "label"));
		Set<ConstraintViolation<BatchQuery>> violations = this.validator.validate(query);
		if (!violations.isEmpty()) {
			BeanPropertyBindingResult invalid = new BeanPropertyBindingResult(query, name);
			violations.stream()
				.sorted(Comparator.comparing((violation) -> violation.getPropertyPath().toString()))
				.forEach((violation) -> invalid.addError(new FieldError(name, violation.getPropertyPath().toString(),
						violation.getInvalidValue(), false, null, null, violation.getMessage())));
			throw new BindException(invalid);
		}
		if (container != null) {
			container.addAttribute(name, query);
		}
		return query;
	}

	/** A parameter's first value; an empty one reads as none, as the forms send "All". */
	private static String value(Parameters request, String name) {
		String value = request.get(name);
		return (value == null || value.isEmpty()) ? null : value;
	}

	/**
	 * The request's parameters: for a GET, the servlet's; for a form's POST, the query
	 * string's alone, so a field of the form (the review's {@code label}) is never read
	 * as a filter of the view it came from.
	 */
	private interface Parameters {

		String get(String name);

		static Parameters of(NativeWebRequest request) {
			HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
			if (servlet == null || "GET".equals(servlet.getMethod()) || "HEAD".equals(servlet.getMethod())) {
				return request::getParameter;
			}
			Map<String, String> query = new HashMap<>();
			String raw = servlet.getQueryString();
			if (raw != null) {
				for (String pair : raw.split("&")) {
					int equals = pair.indexOf('=');
					String key = decode((equals < 0) ? pair : pair.substring(0, equals));
					query.putIfAbsent(key, (equals < 0) ? "" : decode(pair.substring(equals + 1)));
				}
			}
			return query::get;
		}

		private static String decode(String text) {
			try {
				return URLDecoder.decode(text, StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				// A malformed escape reads as the text itself, which the checks then
				// refuse.
				return text;
			}
		}

	}

}
