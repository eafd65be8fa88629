package dev.simboard.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import dev.simboard.model.Ids;

/**
 * An ID taken from a URL, following {@link Ids}: letters, digits, {@code _} and
 * {@code -}, at most 128. Anything else is refused with a 400 page before any request to
 * SigmaMind is built from it.
 */
@Documented
@NotNull
@Pattern(regexp = Ids.REGEXP)
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Target({ ElementType.PARAMETER, ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
public @interface SigmaMindId {

	String message() default Ids.MESSAGE;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
