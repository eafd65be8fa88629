package dev.simboard.web;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A form's "All" choice sends an empty parameter ({@code ?testCase=}); it means "not
 * given", so blank text parameters arrive as {@code null} and their checks let them pass.
 */
@ControllerAdvice
class BlankParameters {

	@InitBinder
	void blankIsAbsent(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

}
