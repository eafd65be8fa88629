package dev.simboard.review;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the team reviews the judge's verdicts.
 *
 * @param labels the failure labels a review may carry, in the order the form lists them
 * (keys 1 to 9 pick the first nine)
 * @param freshFor how long a page may show a batch's reviews as read: a save on this
 * Simboard shows at once, one on another replica within this time
 */
@ConfigurationProperties("simboard.review")
public record ReviewSettings(@DefaultValue( {
		"agent bug", "judge error", "test case flaw", "SigmaMind or infrastructure",
		"to investigate" }) List<String> labels, @DefaultValue("30s") Duration freshFor){

	/** The longest label, as the database keeps it. */
	public static final int LABEL_MAX = 64;

	public ReviewSettings {
		labels = labels.stream().map(String::strip).toList();
		if (labels.stream().anyMatch((label) -> label.isEmpty() || label.length() > LABEL_MAX)) {
			throw new IllegalArgumentException(
					"simboard.review.labels must each be 1 to " + LABEL_MAX + " characters: " + labels);
		}
		if (new HashSet<>(labels).size() != labels.size()) {
			throw new IllegalArgumentException("simboard.review.labels must not repeat a label: " + labels);
		}
		if (freshFor.isNegative()) {
			throw new IllegalArgumentException("simboard.review.fresh-for must not be negative: " + freshFor);
		}
	}

}
