package dev.simboard.model;

import java.util.List;

/**
 * One page of a longer list, newest first.
 *
 * @param <T> the item type
 * @param items this page's items
 * @param more whether a later page exists
 * @param pages how many pages there are, or {@code null} when SigmaMind does not say
 * @param total how many items there are over all pages, or {@code null} when SigmaMind
 * does not say
 */
public record Page<T>(List<T> items, boolean more, Integer pages, Long total) {

	public Page {
		items = List.copyOf(items);
	}

}
