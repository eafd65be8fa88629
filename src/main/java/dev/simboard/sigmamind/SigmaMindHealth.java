package dev.simboard.sigmamind;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * SigmaMind's state for admins, in health details. Always UP: Simboard serves cached
 * pages while SigmaMind is down, so SigmaMind's trouble must not make Simboard look dead
 * or unready to an orchestrator.
 */
@Component("sigmamind")
class SigmaMindHealth implements HealthIndicator {

	private final SigmaMindClient client;

	private final SigmaMindTarget target;

	SigmaMindHealth(SigmaMindClient client, SigmaMindTarget target) {
		this.client = client;
		this.target = target;
	}

	@Override
	public Health health() {
		return Health.up()
			.withDetail("baseUrl", this.target.baseUrl().toString())
			.withDetail("circuitBreaker", this.client.breakerState())
			.build();
	}

}
