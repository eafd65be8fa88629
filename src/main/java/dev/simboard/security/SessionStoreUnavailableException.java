package dev.simboard.security;

/**
 * The shared store of sessions did not answer: refused, timed out, or failed. One kind
 * for every way Redis can fail, so that {@link SessionStoreDown} answers all of them with
 * its page and nothing else with it.
 */
final class SessionStoreUnavailableException extends RuntimeException {

	SessionStoreUnavailableException(RuntimeException cause) {
		super("The store of sign-in sessions did not answer: " + cause.getMessage(), cause);
	}

}
