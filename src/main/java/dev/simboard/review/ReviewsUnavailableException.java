package dev.simboard.review;

/** The database that keeps reviews does not answer: a review could not be saved. */
public class ReviewsUnavailableException extends RuntimeException {

	ReviewsUnavailableException(Throwable cause) {
		super("The database that keeps reviews does not answer", cause);
	}

}
