package dev.simboard.catalog;

import java.util.Optional;

import dev.simboard.model.Id;
import dev.simboard.model.Run;

import org.springframework.stereotype.Component;

/**
 * Finished runs' rendered page bodies, kept with their archived runs so that a restarted
 * Simboard need not render them again. Like the rest of the archive, a help and never a
 * need: a database that fails or is slow finds nothing, and keeping goes in the
 * background.
 */
@Component
public class RunBodies {

	private final Archiving archiving;

	RunBodies(Archiving archiving) {
		this.archiving = archiving;
	}

	/**
	 * The body kept for this run, when it was rendered from {@code renderedFrom}; empty
	 * when there is none, or the archive does not answer in time. Only a run the catalog
	 * read from the archive is looked for: one it fetched from SigmaMind has none yet,
	 * and its page need not wait for the database.
	 */
	public Optional<RunBody> find(Run run, String renderedFrom) {
		Optional<Id> jobId = Id.parse(run.jobId());
		if (jobId.isEmpty() || !this.archiving.readHere(run)) {
			return Optional.empty();
		}
		return this.archiving.body(jobId.get(), renderedFrom);
	}

	/**
	 * Keeps a finished run's rendered body with its archived copy, after the archive
	 * writes asked for before (the run's own among them); a run not archived keeps none.
	 */
	public void keep(Id jobId, RunBody body) {
		this.archiving.keep(jobId, body);
	}

}
