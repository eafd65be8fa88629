package dev.simboard.sigmamind;

/**
 * A SigmaMind call that did not give a usable answer. Each subtype is one kind of
 * failure, so the web layer can map it to one page. Messages never hold the API key.
 */
public abstract sealed class SigmaMindException extends RuntimeException
		permits SigmaMindNotFoundException, SigmaMindUnauthorizedException, SigmaMindRateLimitedException,
		SigmaMindUnavailableException, SigmaMindBadResponseException {

	private final String endpoint;

	SigmaMindException(String endpoint, String message, Throwable cause) {
		super(message, cause);
		this.endpoint = endpoint;
	}

	/** The endpoint as a template such as {@code GET /v1/test-runs/{jobId}}. */
	public String endpoint() {
		return this.endpoint;
	}

}
