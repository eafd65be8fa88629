package dev.simboard.batch;

import java.util.Comparator;

import dev.simboard.catalog.RunList;
import dev.simboard.model.Attempt;
import dev.simboard.model.Run;
import dev.simboard.web.Formats;
import dev.simboard.web.Verdict;

/**
 * The orders a batch view can put its runs in, one per spelling of
 * {@link BatchQuery#SORTS}: a closed set, so a run list is sorted at most this many ways.
 * Each order ends by label then attempt, so equal runs keep one place.
 */
enum RunOrder {

	LABEL("label"), LABEL_DESCENDING("-label"), OUTCOME("outcome"), OUTCOME_DESCENDING("-outcome"),
	DURATION("duration"), DURATION_DESCENDING("-duration"), CREATED("created"), CREATED_DESCENDING("-created");

	private final String sort;

	RunOrder(String sort) {
		this.sort = sort;
	}

	/**
	 * The order a view's {@code sort} names; label then attempt when it names none (or
	 * one not in {@link BatchQuery#SORTS}, which validation refuses before it gets here).
	 */
	static RunOrder of(String sort) {
		for (RunOrder order : values()) {
			if (order.sort.equals(sort)) {
				return order;
			}
		}
		return LABEL;
	}

	/** The order as the query string spells it. */
	String sort() {
		return this.sort;
	}

	/** Compares runs of {@code runs}, whose attempt numbers break ties of label. */
	Comparator<Run> comparator(RunList runs) {
		Comparator<Run> byLabel = Comparator
			.comparing((Run run) -> Formats.label(run.testCase()), String.CASE_INSENSITIVE_ORDER)
			.thenComparingInt((run) -> attemptNumber(runs, run));
		Comparator<Run> key = switch (this) {
			case LABEL, LABEL_DESCENDING -> byLabel;
			case OUTCOME, OUTCOME_DESCENDING -> Comparator.comparingInt((Run run) -> Verdict.of(run).ordinal());
			case DURATION, DURATION_DESCENDING ->
				Comparator.comparing(BatchQuery::duration, Comparator.nullsLast(Comparator.naturalOrder()));
			case CREATED, CREATED_DESCENDING ->
				Comparator.comparing(Run::created, Comparator.nullsLast(Comparator.naturalOrder()));
		};
		if (this == LABEL) {
			return byLabel;
		}
		return (this.sort.startsWith("-") ? key.reversed() : key).thenComparing(byLabel);
	}

	private static int attemptNumber(RunList runs, Run run) {
		Attempt attempt = runs.attempt(run.jobId());
		return (attempt != null) ? attempt.number() : 0;
	}

}
