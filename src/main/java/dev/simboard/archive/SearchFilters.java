package dev.simboard.archive;

import java.time.Instant;

import dev.simboard.model.Verdict;

/**
 * What narrows a search besides its words. A batch's time is its start as archived, or
 * its run's start when the batch itself is not archived.
 *
 * @param outcome only runs with this verdict, or {@code null} for any
 * @param testCaseId only runs of this test case, or {@code null} for any
 * @param from only runs of batches started at or after this, or {@code null}
 * @param until only runs of batches started before this, or {@code null}
 */
public record SearchFilters(Verdict outcome, String testCaseId, Instant from, Instant until) {

	/** No filter. */
	public static final SearchFilters NONE = new SearchFilters(null, null, null, null);

	public SearchFilters {
		if (testCaseId != null) {
			ArchivedRun.requireId("testCaseId", testCaseId);
		}
	}

}
