package dev.simboard.compare;

import dev.simboard.web.Verdict;

/**
 * One of the two runs of a transcript diff, as the judges' cards above it show it.
 *
 * @param batchId its batch
 * @param jobId its job ID
 * @param label its test case
 * @param verdict its verdict
 * @param remarks the judge's remarks, or what stands in for them
 * @param href its run page
 * @param transcriptProblem why its transcript could not be had, or {@code null}
 */
public record DiffSide(String batchId, String jobId, String label, Verdict verdict, String remarks, String href,
		String transcriptProblem) {

}
