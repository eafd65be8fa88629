package dev.simboard.sigmamind;

/**
 * SigmaMind answered something Simboard cannot read: not JSON, the wrong shape, too
 * large, or a 4xx that a well-formed request should not get.
 */
public final class SigmaMindBadResponseException extends SigmaMindException {

	public SigmaMindBadResponseException(String endpoint, String reason, Throwable cause) {
		super(endpoint, endpoint + ": " + reason, cause);
	}

}
