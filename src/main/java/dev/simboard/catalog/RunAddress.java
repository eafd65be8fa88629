package dev.simboard.catalog;

import dev.simboard.model.Id;

/**
 * Where a run's page is: its agent, batch and job.
 *
 * @param agentId the agent
 * @param batchId the batch run
 * @param jobId the test run
 */
public record RunAddress(Id agentId, Id batchId, Id jobId) {

}
