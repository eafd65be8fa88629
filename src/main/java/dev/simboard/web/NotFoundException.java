package dev.simboard.web;

/**
 * Something a page was asked for does not exist, in words the page chose: "SigmaMind has
 * no batch run batch_x (the base of this comparison)". A 404 page shows them.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String detail) {
		super(detail);
	}

}
