package dev.simboard.archive;

import java.time.Instant;
import java.util.List;

import dev.simboard.model.Verdict;

/**
 * An archived run that a search found, with its matching texts.
 *
 * @param jobId the run
 * @param batchId its batch
 * @param testCaseId its test case, or {@code null}
 * @param testCaseLabel its test case's label, or {@code null}
 * @param outcome its verdict
 * @param created when it started, or {@code null}
 * @param batchCreated when its batch started, or {@code null} when not known
 * @param matchCount how many of its texts match
 * @param matches the first of them, messages in conversation order first
 */
public record SearchHit(String jobId, String batchId, String testCaseId, String testCaseLabel, Verdict outcome,
		Instant created, Instant batchCreated, int matchCount, List<Match> matches) {

	public SearchHit {
		matches = List.copyOf(matches);
	}

	/**
	 * One matching text.
	 *
	 * @param kind what the text is
	 * @param number for a message, its number ({@code #m12}); 0 for the other kinds
	 * @param speaker who said a message, or {@code null}
	 * @param snippet the text around the first match
	 */
	public record Match(SearchText.Kind kind, int number, String speaker, Snippet snippet) {

	}

}
