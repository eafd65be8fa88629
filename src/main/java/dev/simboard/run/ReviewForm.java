package dev.simboard.run;

/**
 * The review form as posted: each field as typed, checked by {@link ReviewController}.
 *
 * @param verdict {@code agree}, {@code pass} or {@code fail}
 * @param label one of the configured labels, or empty
 * @param note a note, or empty
 * @param ticket an http or https link, or empty
 * @param version the version of the review the reviewer saw, 0 for none
 */
record ReviewForm(String verdict, String label, String note, String ticket, Integer version) {

	int seenVersion() {
		return (this.version != null) ? this.version : 0;
	}

}
