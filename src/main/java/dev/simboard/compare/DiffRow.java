package dev.simboard.compare;

/**
 * One row of a transcript diff: a turn of the base run beside the matching turn of the
 * head run.
 *
 * @param kind {@code same}, {@code changed}, {@code removed} (base only) or {@code added}
 * (head only)
 * @param base the base run's turn, or {@code null} for an added one
 * @param head the head run's turn, or {@code null} for a removed one
 */
public record DiffRow(String kind, DiffCell base, DiffCell head) {

}
