package dev.simboard.compare;

/**
 * A test case's attempts in one batch, as a compare row shows them.
 *
 * @param counts passes over attempts, such as {@code 1/2}, or a dash when not played
 * @param css the verdict class: {@code passed}, {@code failed}, {@code running} or
 * {@code unjudged}
 * @param notJudged attempts without a verdict (running, or finished without one)
 * @param href its first attempt's run page, or {@code null}
 */
public record Outcome(String counts, String css, int notJudged, String href) {

	static final Outcome ABSENT = new Outcome("—", "unjudged", 0, null);

}
