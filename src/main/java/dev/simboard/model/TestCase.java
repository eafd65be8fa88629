package dev.simboard.model;

import java.util.List;

/**
 * A scenario played against an agent.
 *
 * @param id opaque ID, {@code tc_…}, or {@code null} when SigmaMind gives none
 * @param label short human name as SigmaMind gives it, or {@code null}; see
 * {@link #name()}
 * @param agentId the agent it is played against, or {@code null}
 * @param model the model playing the simulated user, or {@code null}
 * @param mockData variables given to the simulated user
 * @param userPrompt the simulated user's instructions, or {@code null}
 * @param attempts how many attempts a batch makes of it, or {@code null}
 * @param successCriteria the expected outcome the judge checks against, or {@code null}
 */
public record TestCase(String id, String label, String agentId, String model, List<MockVariable> mockData,
		String userPrompt, Integer attempts, String successCriteria) {

	public TestCase {
		mockData = List.copyOf(mockData);
	}

	/** Its label, or its ID when it has none. */
	public String name() {
		return (this.label != null && !this.label.isBlank()) ? this.label : this.id;
	}

}
