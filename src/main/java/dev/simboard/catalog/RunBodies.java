package dev.simboard.catalog;

import java.util.Optional;

import dev.simboard.model.Id;

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
	 * The body kept for an archived run, when it was rendered from {@code renderedFrom};
	 * empty when there is none, or the archive does not answer in time.
	 */
	public Optional<RunBody> find(Id jobId, String renderedFrom) {
		return this.archiving.body(jobId, renderedFrom);
	}

	/**
	 * Keeps a finished run's rendered body with its archived copy, after the archive
	 * writes asked for before (the run's own among them); a run not archived keeps none.
	 */
	public void keep(Id jobId, RunBody body) {
		this.archiving.keep(jobId, body);
	}

}
