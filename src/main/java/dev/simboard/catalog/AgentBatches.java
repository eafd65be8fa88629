package dev.simboard.catalog;

import dev.simboard.model.Agent;
import dev.simboard.model.Batch;
import dev.simboard.model.Page;

/**
 * What the agent page shows: the agent and one page of its batch runs.
 *
 * @param agent the agent
 * @param batches one page of its batch runs, newest first
 */
public record AgentBatches(Fresh<Agent> agent, Fresh<Page<Batch>> batches) {

	public Staleness staleness() {
		return Staleness.of(this.agent, this.batches);
	}

}
