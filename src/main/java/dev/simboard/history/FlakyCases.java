package dev.simboard.history;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.simboard.model.TestCase;

/**
 * The flaky test cases of a window, and the ones it has no verdict on: those are not
 * flaky as far as anyone can tell, but not known to be fine either.
 *
 * @param flaky the flaky test cases, most unstable first
 * @param unjudged the test cases without a verdict in any batch, by label
 */
record FlakyCases(List<CaseHistory> flaky, List<CaseHistory> unjudged) {

	private static final Comparator<CaseHistory> MOST_UNSTABLE_FIRST = Comparator.comparingInt(CaseHistory::score)
		.reversed()
		.thenComparing(CaseHistory::label)
		.thenComparing(CaseHistory::testCaseId);

	private static final Comparator<CaseHistory> BY_LABEL = Comparator.comparing(CaseHistory::label)
		.thenComparing(CaseHistory::testCaseId);

	static FlakyCases of(String agentId, HistoryWindow window) {
		Set<String> testCaseIds = new LinkedHashSet<>();
		for (BatchEntry entry : window.batches()) {
			if (entry.listed()) {
				entry.testCaseIds().forEach(testCaseIds::add);
			}
			else {
				// A batch whose runs could not be read still names its test cases: one
				// seen only there must show up as not judged rather than vanish, as if
				// it were fine.
				for (TestCase testCase : entry.batch().testCases()) {
					if (testCase.id() != null) {
						testCaseIds.add(testCase.id());
					}
				}
			}
		}
		List<CaseHistory> histories = testCaseIds.stream()
			.map((testCaseId) -> CaseHistory.of(agentId, window, testCaseId))
			.toList();
		return new FlakyCases(histories.stream().filter(CaseHistory::flaky).sorted(MOST_UNSTABLE_FIRST).toList(),
				histories.stream().filter((history) -> !history.known()).sorted(BY_LABEL).toList());
	}

}
