package dev.simboard.sigmamind;

/**
 * SigmaMind could not be reached, did not answer in time, answered 5xx, or Simboard is
 * holding back its calls (circuit open, too many in flight).
 */
public final class SigmaMindUnavailableException extends SigmaMindException {

	private final Reason reason;

	public SigmaMindUnavailableException(String endpoint, Reason reason, String detail, Throwable cause) {
		super(endpoint, endpoint + ": " + detail, cause);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/** Why SigmaMind is unavailable, which decides whether trying again can help. */
	public enum Reason {

		/** No connection could be made. */
		CONNECT,
		/** No answer within the response timeout. */
		TIMEOUT,
		/** SigmaMind answered 5xx. */
		SERVER_ERROR,
		/** Recent calls failed so often that Simboard pauses its calls. */
		CIRCUIT_OPEN,
		/** Too many calls to SigmaMind are already in flight. */
		BUSY;

		/** Whether another attempt right away may succeed. */
		boolean retryable() {
			return this == CONNECT || this == SERVER_ERROR;
		}

	}

}
