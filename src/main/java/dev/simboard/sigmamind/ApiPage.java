package dev.simboard.sigmamind;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * SigmaMind's page envelope. Pages start at 0; some calls spell the total
 * {@code totalCounts}.
 *
 * @param <T> the item type
 * @param data the items of this page, newest first
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param totalCount all items over all pages, when the upstream says
 * @param totalPages the number of pages, when the upstream says
 * @param hasNext whether a later page exists, when the upstream says
 * @param hasPrevious whether an earlier page exists, when the upstream says
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ApiPage<T>(List<T> data, Integer page, Integer size, @JsonAlias("totalCounts") Long totalCount,
		Integer totalPages, Boolean hasNext, Boolean hasPrevious) {

	public ApiPage {
		data = (data != null) ? List.copyOf(data) : List.of();
	}

	/**
	 * Whether another page follows, from {@code hasNext} or else from the totals.
	 */
	public boolean more() {
		if (this.hasNext != null) {
			return this.hasNext;
		}
		int current = (this.page != null) ? this.page : 0;
		if (this.totalPages != null) {
			return current + 1 < this.totalPages;
		}
		if (this.totalCount != null && this.size != null && this.size > 0) {
			return (long) (current + 1) * this.size < this.totalCount;
		}
		return false;
	}

}
