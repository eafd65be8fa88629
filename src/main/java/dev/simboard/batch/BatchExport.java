package dev.simboard.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Function;

import dev.simboard.catalog.RunList;
import dev.simboard.model.Attempt;
import dev.simboard.model.Batch;
import dev.simboard.model.Review;
import dev.simboard.model.Run;
import dev.simboard.web.Formats;
import dev.simboard.web.Verdict;

/**
 * A batch as exported: the JSON export is this record, and the CSV export prints its
 * rows. Texts are SigmaMind's own, with {@code null} where it sent none.
 *
 * @param batchId the batch ID
 * @param agentId the agent ID
 * @param createdDate when the batch started
 * @param passed attempts judged successful
 * @param failed attempts judged failed
 * @param total all attempts
 * @param running attempts not judged yet
 * @param passRate share of judged attempts that passed, 0 to 100, or {@code null}
 * @param runsListed whether SigmaMind listed the runs; when not, {@code runs} is empty
 * @param runs every run, by test case label, then attempt
 */
record BatchExport(String batchId, String agentId, Instant createdDate, int passed, int failed, int total, int running,
		Integer passRate, boolean runsListed, List<Row> runs) {

	/**
	 * The export of a batch and its runs; {@code permalink} turns a job ID into the run's
	 * absolute address.
	 */
	static BatchExport of(String agentId, String batchId, Batch batch, RunList runs, RunListViews views,
			Function<String, String> permalink, Map<String, Review> reviews) {
		// The same order as the batch page's default view.
		List<Row> rows = views.matching(runs, BatchQuery.all())
			.stream()
			.map((run) -> Row.of(run, runs.attempt(run.jobId()), permalink.apply(run.jobId()),
					reviews.get(run.jobId())))
			.toList();
		return new BatchExport(batchId, agentId, batch.created(), batch.passed(), batch.failed(), batch.total(),
				batch.pending(), batch.passRate(), runs.listed(), rows);
	}

	/**
	 * One run of the batch.
	 *
	 * @param jobId the job ID
	 * @param testCase the test case's label, or its ID when it has none
	 * @param testCaseId the test case's ID
	 * @param attempt which attempt of its test case, from 1
	 * @param attempts how many attempts its test case has
	 * @param outcome {@code passed}, {@code failed}, {@code running} or {@code unjudged}
	 * @param createdDate when it started
	 * @param completedDate when it finished, or {@code null}
	 * @param durationSeconds whole seconds it took, or {@code null}
	 * @param remarks the judge's reasoning, or {@code null}
	 * @param permalink the run page's absolute address
	 * @param review the team's review, or {@code null}
	 */
	record Row(String jobId, String testCase, String testCaseId, Integer attempt, Integer attempts, String outcome,
			Instant createdDate, Instant completedDate, Long durationSeconds, String remarks, String permalink,
			ReviewExport review) {

		static Row of(Run run, Attempt attempt, String permalink, Review review) {
			Duration duration = run.duration();
			return new Row(run.jobId(), Formats.label(run.testCase()), run.testCaseId(),
					(attempt != null) ? attempt.number() : null, (attempt != null) ? attempt.of() : null,
					Verdict.of(run).name().toLowerCase(Locale.ROOT), run.created(), run.completed(),
					(duration != null) ? Long.valueOf(duration.toSeconds()) : null, run.remarks(), permalink,
					(review != null) ? ReviewExport.of(review) : null);
		}

		/** The review's value, or {@code null} without one. */
		<T> T reviewed(Function<ReviewExport, T> value) {
			return (this.review != null) ? value.apply(this.review) : null;
		}

		/** {@code 2/3}, or empty when the attempt is not known. */
		String attemptText() {
			return (this.attempt != null && this.attempts != null) ? this.attempt + "/" + this.attempts : "";
		}

	}

	/**
	 * A run's review as exported.
	 *
	 * @param verdict {@code agree}, {@code pass} or {@code fail}
	 * @param outcome the verdict that counts, {@code passed} or {@code failed}
	 * @param label the failure label, or {@code null}
	 * @param note the note, or {@code null}
	 * @param ticket the ticket link, or {@code null}
	 * @param reviewer who saved it
	 * @param reviewedAt when
	 */
	record ReviewExport(String verdict, String outcome, String label, String note, String ticket, String reviewer,
			Instant reviewedAt) {

		static ReviewExport of(Review review) {
			return new ReviewExport(review.verdict().value(), review.effective().name().toLowerCase(Locale.ROOT),
					review.label(), review.note(), review.ticket(), review.reviewer(), review.at());
		}

	}

}
