package dev.simboard.sigmamind;

/**
 * SigmaMind refused the API key (401 or 403).
 */
public final class SigmaMindUnauthorizedException extends SigmaMindException {

	public SigmaMindUnauthorizedException(String endpoint, int status) {
		super(endpoint, endpoint + " refused the API key (" + status + ")", null);
	}

}
