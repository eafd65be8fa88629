package dev.simboard.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.simboard.model.Review;
import dev.simboard.model.Run;
import dev.simboard.model.Verdict;
import dev.simboard.web.Formats;
import dev.simboard.web.Links;

/**
 * How far the team has reviewed a batch: the review queue's head on the batch page.
 *
 * @param failures runs the judge failed
 * @param failuresReviewed of those, how many have a review
 * @param reviewed runs with a review, of any verdict
 * @param overturned reviews that overturned the judge
 * @param reviewedPassRate the share of judged runs that passed, counting the reviewer's
 * verdict where there is one; {@code null} with none judged
 * @param reviewedPassRateText that share as text
 * @param labels the failure labels given, most given first
 * @param firstUnreviewedHref the first failure no one reviewed, in the failures' view, or
 * {@code null}
 */
record ReviewSummary(int failures, int failuresReviewed, int reviewed, int overturned, Integer reviewedPassRate,
		String reviewedPassRateText, List<LabelCount> labels, String firstUnreviewedHref) {

	/** The view the review queue walks: the failures, in the batch's default order. */
	static final String QUEUE_VIEW = "?outcome=failed";

	/**
	 * @param runs every run of the batch
	 * @param ordered the same in the batch page's default order
	 */
	static ReviewSummary of(String agentId, String batchId, List<Run> runs, List<Run> ordered,
			Map<String, Review> reviews) {
		int failures = 0;
		int failuresReviewed = 0;
		int reviewed = 0;
		int overturned = 0;
		int judged = 0;
		int passed = 0;
		Map<String, Integer> labels = new LinkedHashMap<>();
		for (Run run : runs) {
			Review review = reviews.get(run.jobId());
			if (run.verdict() == Verdict.FAILED) {
				failures++;
				failuresReviewed += (review != null) ? 1 : 0;
			}
			if (run.verdict().judged()) {
				judged++;
				Verdict counts = (review != null) ? review.effective() : run.verdict();
				passed += (counts == Verdict.PASSED) ? 1 : 0;
			}
			if (review != null) {
				reviewed++;
				overturned += review.overturns() ? 1 : 0;
				if (review.label() != null) {
					labels.merge(review.label(), 1, Integer::sum);
				}
			}
		}
		String base = Links.batch(agentId, batchId);
		List<LabelCount> counts = new ArrayList<>();
		labels.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.forEach((entry) -> counts.add(new LabelCount(entry.getKey(), entry.getValue(),
					base + new BatchQuery(null, null, null, null, 1, null, entry.getKey()).queryString())));
		String first = ordered.stream()
			.filter((run) -> run.verdict() == Verdict.FAILED && !reviews.containsKey(run.jobId()))
			.findFirst()
			.map((run) -> Links.run(agentId, batchId, run.jobId()) + QUEUE_VIEW)
			.orElse(null);
		Integer rate = (judged > 0) ? (int) Math.round(100.0 * passed / judged) : null;
		return new ReviewSummary(failures, failuresReviewed, reviewed, overturned, rate, Formats.percent(rate),
				List.copyOf(counts), first);
	}

	/**
	 * A failure label and how many runs carry it.
	 *
	 * @param href the batch's runs with it
	 */
	record LabelCount(String label, int count, String href) {
	}

}
