package dev.simboard.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.simboard.model.HumanVerdict;
import dev.simboard.model.Review;
import dev.simboard.model.Verdict;
import dev.simboard.web.Formats;

/**
 * A review as pages show it.
 *
 * @param verdict the reviewer's word, {@code agree}, {@code pass} or {@code fail}
 * @param verdictLabel the same, for people
 * @param outcome the verdict that counts, with the judge's beside it where they differ:
 * "✓ passed, judge said failed"
 * @param css {@code passed} or {@code failed}: the verdict that counts
 * @param overturns whether the reviewer overturned the judge
 * @param label the failure label, or {@code null}
 * @param note the note, or {@code null}
 * @param ticket the ticket link, or {@code null}
 * @param reviewer who saved it
 * @param at when, for people
 * @param atIso when, ISO 8601
 * @param version its version
 */
public record ReviewView(String verdict, String verdictLabel, String outcome, String css, boolean overturns,
		String label, String note, String ticket, String reviewer, String at, String atIso, int version) {

	public static ReviewView of(Review review) {
		return new ReviewView(review.verdict().value(), review.verdict().label(), outcome(review),
				review.effective().name().toLowerCase(java.util.Locale.ROOT), review.overturns(), review.label(),
				review.note(), review.ticket(), review.reviewer(), Formats.timestamp(review.at()),
				Formats.iso(review.at()), review.version());
	}

	/**
	 * The outcome without its mark, for a badge that draws its own: "passed, judge said
	 * failed".
	 */
	public String phrase() {
		return this.outcome.substring(this.outcome.indexOf(' ') + 1);
	}

	/** "✓ passed, judge said failed", or "✗ failed, as the judge said". */
	public static String outcome(Review review) {
		String mark = (review.effective() == Verdict.PASSED) ? "✓ passed" : "✗ failed";
		if (!review.overturns()) {
			return mark + ", as the judge said";
		}
		return mark + ", judge said " + ((review.judge() == Verdict.PASSED) ? "passed" : "failed");
	}

	/**
	 * A version of a review beside the one before it: who changed what.
	 *
	 * @param reviewer who saved it
	 * @param at when, for people
	 * @param atIso when, ISO 8601
	 * @param changes what changed, "from → to" each; for the first version, what it said
	 */
	public record Change(String reviewer, String at, String atIso, List<String> changes) {

		/** Each version beside the one before it, newest first, as {@code history} is. */
		public static List<Change> of(List<Review> history) {
			List<Change> changes = new ArrayList<>(history.size());
			for (int i = 0; i < history.size(); i++) {
				Review version = history.get(i);
				Review before = (i + 1 < history.size()) ? history.get(i + 1) : null;
				changes.add(new Change(version.reviewer(), Formats.timestamp(version.at()), Formats.iso(version.at()),
						changes(before, version)));
			}
			return changes;
		}

		private static List<String> changes(Review before, Review after) {
			List<String> changes = new ArrayList<>();
			HumanVerdict from = (before != null) ? before.verdict() : null;
			if (from != after.verdict()) {
				changes.add("verdict: " + ((from != null) ? from.label() + " → " : "") + after.verdict().label());
			}
			field(changes, "label", (before != null) ? before.label() : null, after.label(), before == null);
			field(changes, "ticket", (before != null) ? before.ticket() : null, after.ticket(), before == null);
			String noteBefore = (before != null) ? before.note() : null;
			if (!Objects.equals(noteBefore, after.note())) {
				changes.add(
						(after.note() == null) ? "note removed" : (noteBefore == null) ? "note added" : "note changed");
			}
			if (changes.isEmpty()) {
				changes.add("saved again, unchanged");
			}
			return changes;
		}

		private static void field(List<String> changes, String name, String before, String after, boolean first) {
			if (Objects.equals(before, after)) {
				return;
			}
			if (first) {
				changes.add(name + ": " + after);
			}
			else {
				changes.add(name + ": " + ((before != null) ? before : "none") + " → "
						+ ((after != null) ? after : "none"));
			}
		}

	}

}
