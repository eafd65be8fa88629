package dev.simboard.catalog;

import dev.simboard.model.Batch;

/**
 * What the batch page shows: the batch and its runs.
 *
 * @param batch the batch run
 * @param runs its test runs, or word that SigmaMind does not list them
 */
public record BatchRuns(Fresh<Batch> batch, Fresh<RunList> runs) {

	public Staleness staleness() {
		return Staleness.of(this.batch, this.runs);
	}

}
