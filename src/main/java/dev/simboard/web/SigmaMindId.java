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

/**
 * An ID taken from a URL: letters, digits, {@code _} and {@code -}, at most 128. Anything
 * else is refused with a 400 page before any request to SigmaMind is built from it.
 */
@Documented
@NotNull
@Pattern(regexp = "[A-Za-z0-9_-]{1,128}")
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Target({ ElementType.PARAMETER, ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
public @interface SigmaMindId {

	String message() default "must be a SigmaMind ID: letters, digits, _ and -, at most 128 of them";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
