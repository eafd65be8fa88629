package dev.simboard.review;

import dev.simboard.model.HumanVerdict;

/**
 * What a reviewer saves, checked: a verdict, and a label, note and ticket each optional.
 *
 * @param verdict the reviewer's word on the judge's verdict
 * @param label one of the configured labels, or {@code null}
 * @param note at most 4,000 characters, or {@code null}
 * @param ticket an http or https link, or {@code null}
 */
public record ReviewDraft(HumanVerdict verdict, String label, String note, String ticket) {

}
