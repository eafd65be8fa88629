package dev.simboard.catalog;

import java.time.Duration;
import java.util.List;

import dev.simboard.sigmamind.SigmaMindClient;
import dev.simboard.sigmamind.SigmaMindException;
import dev.simboard.sigmamind.SigmaMindProperties;
import dev.simboard.sigmamind.SigmaMindTarget;

import org.springframework.stereotype.Component;

/**
 * What the admin page may know of the SigmaMind behind the catalog: where it is, which
 * key (masked), whether it is the demo, the circuit breaker, and how a call made now
 * goes. The port through which pages see the adapter's state without holding the client.
 */
@Component
public class Upstream {

	private final SigmaMindClient client;

	private final SigmaMindTarget target;

	private final SigmaMindProperties properties;

	Upstream(SigmaMindClient client, SigmaMindTarget target, SigmaMindProperties properties) {
		this.client = client;
		this.target = target;
		this.properties = properties;
	}

	/** Where Simboard reads SigmaMind. */
	public String baseUrl() {
		return this.target.baseUrl().toString();
	}

	/** The key's last four characters, so an operator can tell keys apart. */
	public String maskedKey() {
		return mask(this.target.apiKey());
	}

	/** Whether that is the embedded demo API. */
	public boolean demo() {
		return !this.properties.hasApiKey();
	}

	/** The circuit breaker's state. */
	public String breakerState() {
		return this.client.breakerState();
	}

	/** One uncached call, timed, so the page says how SigmaMind is doing right now. */
	public Probe probe() {
		long started = System.nanoTime();
		try {
			int agents = this.client.agents().blockOptional().map(List::size).orElse(0);
			return new Probe(Duration.ofNanos(System.nanoTime() - started), agents, null);
		}
		catch (SigmaMindException ex) {
			return new Probe(Duration.ofNanos(System.nanoTime() - started), 0, ex);
		}
	}

	/** The last four characters, or none of a key too short to show any. */
	static String mask(String key) {
		if (key == null || key.length() < 12) {
			return "••••";
		}
		return "••••" + key.substring(key.length() - 4);
	}

	/**
	 * How a call made just now went.
	 *
	 * @param took how long it took
	 * @param agents how many agents SigmaMind listed
	 * @param failure why it failed, or {@code null}; its message names the endpoint and
	 * the failure, never the key
	 */
	public record Probe(Duration took, int agents, SigmaMindException failure) {

		@Override
		public String toString() {
			return (this.failure == null) ? "answered in " + this.took.toMillis() + " ms (" + this.agents + " agents)"
					: "failed after " + this.took.toMillis() + " ms: " + this.failure.getMessage();
		}

	}

}
