package dev.simboard.batch;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import dev.simboard.catalog.RunList;
import dev.simboard.web.Formats;

/**
 * What the batch page shows of all of a batch's runs whatever the view: worked out once
 * per run list (see {@link RunListViews}).
 *
 * @param median the median run duration, or a dash
 * @param p90 the 90th percentile run duration, or a dash
 * @param models the models of the runs' test cases
 */
record RunFigures(String median, String p90, Set<String> models) {

	static RunFigures of(RunList runs) {
		List<Duration> durations = runs.runs()
			.stream()
			.map(BatchQuery::duration)
			.filter(Objects::nonNull)
			.sorted()
			.toList();
		Set<String> models = new TreeSet<>();
		runs.runs().forEach((run) -> BatchPages.addModel(models, run.testCase()));
		return new RunFigures(Formats.duration(BatchPages.percentile(durations, 50)),
				Formats.duration(BatchPages.percentile(durations, 90)), Collections.unmodifiableSet(models));
	}

	/** Estimated bytes on the heap. */
	long weight() {
		long weight = 128 + ((this.median != null) ? 2L * this.median.length() : 0)
				+ ((this.p90 != null) ? 2L * this.p90.length() : 0);
		for (String model : this.models) {
			weight += 64 + 2L * model.length();
		}
		return weight;
	}

}
