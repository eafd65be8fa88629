package dev.simboard.compare;

import java.util.List;

/**
 * The compare page: two batch runs of one agent, test case by test case.
 *
 * @param baseId the older batch, compared against
 * @param headId the newer batch
 * @param baseHref the base batch's page
 * @param headHref the head batch's page
 * @param baseCreated when the base batch started
 * @param headCreated when the head batch started
 * @param baseRate the base batch's pass rate, such as {@code 70%}
 * @param headRate the head batch's pass rate
 * @param rateChange head minus base in points, such as {@code +10 pts}, or a dash
 * @param rateChangeCss {@code up}, {@code down} or {@code flat}
 * @param unlisted which batches SigmaMind does not list the runs of, so nothing is
 * compared; {@code null} when both are listed
 * @param counts the number of test cases in each group
 * @param groups the non-empty groups, regressions first
 * @param changedCases test cases whose prompt, criteria, mock data, model or agent
 * changed
 * @param agentChanged whether the two batches name different agents
 * @param swapHref the same comparison the other way round
 */
public record CompareView(String baseId, String headId, String baseHref, String headHref, String baseCreated,
		String headCreated, String baseRate, String headRate, String rateChange, String rateChangeCss, String unlisted,
		List<Count> counts, List<Group> groups, int changedCases, boolean agentChanged, String swapHref) {

	public CompareView {
		counts = List.copyOf(counts);
		groups = List.copyOf(groups);
	}

	public boolean listed() {
		return this.unlisted == null;
	}

	/**
	 * How many test cases one group has.
	 *
	 * @param change the group
	 * @param cases how many
	 */
	public record Count(Change change, int cases) {
	}

	/**
	 * The test cases of one group, by label.
	 *
	 * @param change the group
	 * @param rows its test cases
	 */
	public record Group(Change change, List<CaseRow> rows) {

		public Group {
			rows = List.copyOf(rows);
		}

	}

}
