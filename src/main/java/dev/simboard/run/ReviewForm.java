package dev.simboard.run;

/**
 * The review form as posted: each field as typed, checked by {@link ReviewController}.
 *
 * @param verdict {@code agree}, {@code pass} or {@code fail}
 * @param label one of the configured labels, or empty
 * @param note a note, or empty
 * @param ticket an http or https link, or empty
 * @param version the version of the review the reviewer saw, 0 for none
 * @param suggestion the job whose review was suggested to the reviewer, or empty
 */
record ReviewForm(String verdict, String label, String note, String ticket, Integer version, String suggestion) {

	int seenVersion() {
		return (this.version != null) ? this.version : 0;
	}

}
