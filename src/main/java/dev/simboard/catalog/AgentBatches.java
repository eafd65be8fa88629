package dev.simboard.catalog;

import dev.simboard.sigmamind.Agent;
import dev.simboard.sigmamind.ApiPage;
import dev.simboard.sigmamind.BatchRun;

/**
 * What the agent page shows: the agent and one page of its batch runs.
 *
 * @param agent the agent
 * @param batches one page of its batch runs, newest first
 */
public record AgentBatches(Fresh<Agent> agent, Fresh<ApiPage<BatchRun>> batches) {

	public Staleness staleness() {
		return Staleness.of(this.agent, this.batches);
	}

}
