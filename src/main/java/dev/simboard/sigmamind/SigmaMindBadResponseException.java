package dev.simboard.sigmamind;

/**
 * SigmaMind answered something Simboard cannot read (not JSON, the wrong shape, too
 * large), or a 4xx that a well-formed request should not get.
 */
public final class SigmaMindBadResponseException extends SigmaMindException {

	private final int status;

	/** An answer that could not be read. */
	public SigmaMindBadResponseException(String endpoint, String reason, Throwable cause) {
		this(endpoint, 0, reason, cause);
	}

	/** A 4xx answer other than those with a type of their own. */
	SigmaMindBadResponseException(String endpoint, int status, String reason, Throwable cause) {
		super(endpoint, endpoint + ": " + reason, cause);
		this.status = status;
	}

	/**
	 * Whether SigmaMind's answer could not be read, a sign of trouble on its side, rather
	 * than a 4xx refusal of the request.
	 */
	public boolean unreadable() {
		return this.status == 0;
	}

}
