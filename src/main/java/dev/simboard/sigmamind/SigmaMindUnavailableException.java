package dev.simboard.sigmamind;

/**
 * SigmaMind could not be reached, did not answer in time, or answered 5xx.
 */
public final class SigmaMindUnavailableException extends SigmaMindException {

	public SigmaMindUnavailableException(String endpoint, String reason, Throwable cause) {
		super(endpoint, endpoint + ": " + reason, cause);
	}

}
