package dev.simboard.review;

import java.util.Collection;

import dev.simboard.model.Review;
import dev.simboard.model.Verdict;

/**
 * How often reviewers overturned the judge, over some reviews.
 *
 * @param reviewed reviews of judged runs
 * @param falseFails runs the judge failed that reviewers say should have passed
 * @param falsePasses runs the judge passed that reviewers say should have failed
 */
public record Overturns(int reviewed, int falseFails, int falsePasses) {

	public static final Overturns NONE = new Overturns(0, 0, 0);

	/** Over these reviews. */
	public static Overturns of(Collection<Review> reviews) {
		int falseFails = 0;
		int falsePasses = 0;
		for (Review review : reviews) {
			if (review.overturns()) {
				if (review.judge() == Verdict.FAILED) {
					falseFails++;
				}
				else {
					falsePasses++;
				}
			}
		}
		return new Overturns(reviews.size(), falseFails, falsePasses);
	}

	/** Both together. */
	public Overturns plus(Overturns other) {
		return new Overturns(this.reviewed + other.reviewed, this.falseFails + other.falseFails,
				this.falsePasses + other.falsePasses);
	}

	/** Verdicts the reviewers changed. */
	public int overturned() {
		return this.falseFails + this.falsePasses;
	}

	/**
	 * The pass count once reviews are counted: the judge's, plus its false fails, less
	 * its false passes.
	 */
	public int passedAfterReview(int judgePassed) {
		return judgePassed + this.falseFails - this.falsePasses;
	}

	/**
	 * The share of reviewed runs whose verdict reviewers changed, in whole per cent, or
	 * {@code null} with no review.
	 */
	public Integer overturnedPercent() {
		return (this.reviewed == 0) ? null : (int) Math.round(100.0 * overturned() / this.reviewed);
	}

}
