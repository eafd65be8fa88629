package dev.simboard.sigmamind;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A scenario played against an agent.
 *
 * @param testCaseId opaque ID, {@code tc_…}
 * @param label short human name
 * @param agent the agent under test
 * @param workspaceId the workspace, {@code org_…}
 * @param llmModel the model playing the simulated user
 * @param mockData variables given to the simulated user
 * @param userPrompt the simulated user's instructions
 * @param attempt how many attempts the batch makes of this case
 * @param successCriteria the expected outcome the judge checks against
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record TestCase(String testCaseId, String label, Agent agent, String workspaceId, String llmModel,
		List<MockVariable> mockData, String userPrompt, Integer attempt, String successCriteria) {

	public TestCase {
		mockData = (mockData != null) ? List.copyOf(mockData) : List.of();
	}

}
