package dev.simboard.sigmamind;

/**
 * SigmaMind answered 404 (or 405 on a call it does not offer).
 */
public final class SigmaMindNotFoundException extends SigmaMindException {

	private final int status;

	public SigmaMindNotFoundException(String endpoint, int status) {
		super(endpoint, endpoint + " answered " + status, null);
		this.status = status;
	}

	/** 404, or 405 where the upstream does not offer the call. */
	public int status() {
		return this.status;
	}

}
