package dev.simboard.review;

/**
 * How reviewers took the suggestions they were offered.
 *
 * @param offered reviews saved with a suggestion offered
 * @param taken of those, the ones saved as suggested
 */
public record SuggestionFigures(int offered, int taken) {

	/** The share taken, in whole per cent, or {@code null} with none offered. */
	public Integer takenPercent() {
		return (this.offered == 0) ? null : (int) Math.round(100.0 * this.taken / this.offered);
	}

}
