package dev.simboard.sigmamind;

import java.net.URI;

/**
 * The SigmaMind API the client talks to: the real one, or the embedded demo API whose
 * address is known only once the web server has a port.
 */
public interface SigmaMindTarget {

	/** Base URL, without a trailing slash, that the documented paths are appended to. */
	URI baseUrl();

	/** The key sent as {@code X-API-Key}. */
	String apiKey();

}
