package dev.simboard.compare;

/**
 * A stretch of one turn's text in a transcript diff, shown as it is, struck out or added.
 * The text is untrusted: templates print it escaped, inside {@code <span>}, {@code <del>}
 * or {@code <ins>}.
 *
 * @param kind {@code same}, {@code del} or {@code ins}
 * @param text the text
 */
public record Segment(String kind, String text) {

	static final String SAME = "same";

	static final String DELETED = "del";

	static final String INSERTED = "ins";

	public boolean same() {
		return SAME.equals(this.kind);
	}

	public boolean deleted() {
		return DELETED.equals(this.kind);
	}

	public boolean inserted() {
		return INSERTED.equals(this.kind);
	}

}
