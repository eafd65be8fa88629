package dev.simboard.search;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import dev.simboard.catalog.ArchiveSearch;

/**
 * A search query with no more words and phrases than the archive reads
 * ({@link ArchiveSearch#MAX_TERMS}), so that a long query is refused rather than searched
 * for in part. {@code null} passes.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = FewTerms.Check.class)
@interface FewTerms {

	String message() default "must have at most " + ArchiveSearch.MAX_TERMS
			+ " words and phrases (a quoted phrase or a -word counts as one)";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Counts the terms as the archive reads them. */
	class Check implements ConstraintValidator<FewTerms, String> {

		@Override
		public boolean isValid(String query, ConstraintValidatorContext context) {
			return ArchiveSearch.countTerms(query) <= ArchiveSearch.MAX_TERMS;
		}

	}

}
