package dev.simboard.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;

import dev.simboard.transcript.Turn;

/**
 * Two conversations aligned turn by turn, and within a changed turn word by word. The
 * result is plain text in marked stretches, never HTML, so the page escapes all of it.
 */
final class TranscriptDiff {

	/** Words, runs of white space, and any other single character (grapheme). */
	private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{M}\\p{N}_'’]+|\\X");

	/**
	 * Beyond this many tokens a side, a changed turn is shown whole, struck and added.
	 */
	static final int MAX_TOKENS = 2_000;

	private TranscriptDiff() {
	}

	/**
	 * The rows of the diff of two conversations.
	 * @param base the base run's turns
	 * @param head the head run's turns
	 * @param baseHref the base run's page, for links to its turns
	 * @param headHref the head run's page
	 */
	static List<DiffRow> rows(List<Turn> base, List<Turn> head, String baseHref, String headHref) {
		List<AbstractDelta<String>> deltas = new ArrayList<>(DiffUtils.diff(keys(base), keys(head)).getDeltas());
		deltas.sort(Comparator.comparingInt((delta) -> delta.getSource().getPosition()));
		List<DiffRow> rows = new ArrayList<>(Math.max(base.size(), head.size()));
		int i = 0;
		int j = 0;
		for (AbstractDelta<String> delta : deltas) {
			int source = delta.getSource().getPosition();
			int target = delta.getTarget().getPosition();
			while (i < source && j < target) {
				rows.add(same(base.get(i++), head.get(j++), baseHref, headHref));
			}
			int removed = delta.getSource().size();
			int added = delta.getTarget().size();
			int paired = (delta.getType() == DeltaType.CHANGE) ? Math.min(removed, added) : 0;
			for (int k = 0; k < paired; k++) {
				Turn before = base.get(source + k);
				Turn after = head.get(target + k);
				if (before.speaker() == after.speaker()) {
					rows.add(changed(before, after, baseHref, headHref));
				}
				else {
					rows.add(new DiffRow("removed", cell(before, baseHref, whole(Segment.DELETED, before)), null));
					rows.add(new DiffRow("added", null, cell(after, headHref, whole(Segment.INSERTED, after))));
				}
			}
			for (int k = paired; k < removed; k++) {
				Turn before = base.get(source + k);
				rows.add(new DiffRow("removed", cell(before, baseHref, whole(Segment.DELETED, before)), null));
			}
			for (int k = paired; k < added; k++) {
				Turn after = head.get(target + k);
				rows.add(new DiffRow("added", null, cell(after, headHref, whole(Segment.INSERTED, after))));
			}
			i = source + removed;
			j = target + added;
		}
		while (i < base.size() && j < head.size()) {
			rows.add(same(base.get(i++), head.get(j++), baseHref, headHref));
		}
		return rows;
	}

	/**
	 * The word-by-word difference of two texts: the base side's stretches (same or
	 * deleted) and the head side's (same or inserted).
	 */
	static Sides words(String before, String after) {
		List<String> a = tokens(before);
		List<String> b = tokens(after);
		if (a.size() > MAX_TOKENS || b.size() > MAX_TOKENS) {
			return new Sides(List.of(new Segment(Segment.DELETED, before)),
					List.of(new Segment(Segment.INSERTED, after)));
		}
		Stretches old = new Stretches();
		Stretches neu = new Stretches();
		int i = 0;
		int j = 0;
		for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
			int source = delta.getSource().getPosition();
			int target = delta.getTarget().getPosition();
			while (i < source) {
				old.add(Segment.SAME, a.get(i++));
			}
			while (j < target) {
				neu.add(Segment.SAME, b.get(j++));
			}
			for (String token : delta.getSource().getLines()) {
				old.add(Segment.DELETED, token);
			}
			for (String token : delta.getTarget().getLines()) {
				neu.add(Segment.INSERTED, token);
			}
			i = source + delta.getSource().size();
			j = target + delta.getTarget().size();
		}
		while (i < a.size()) {
			old.add(Segment.SAME, a.get(i++));
		}
		while (j < b.size()) {
			neu.add(Segment.SAME, b.get(j++));
		}
		return new Sides(old.segments(), neu.segments());
	}

	private static List<String> keys(List<Turn> turns) {
		return turns.stream().map((turn) -> turn.speaker().name() + ": " + text(turn)).toList();
	}

	private static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		Matcher matcher = TOKEN.matcher(text);
		while (matcher.find()) {
			tokens.add(matcher.group());
		}
		return tokens;
	}

	private static DiffRow same(Turn before, Turn after, String baseHref, String headHref) {
		return new DiffRow("same", cell(before, baseHref, whole(Segment.SAME, before)),
				cell(after, headHref, whole(Segment.SAME, after)));
	}

	private static DiffRow changed(Turn before, Turn after, String baseHref, String headHref) {
		Sides sides = words(text(before), text(after));
		return new DiffRow("changed", cell(before, baseHref, sides.base()), cell(after, headHref, sides.head()));
	}

	private static List<Segment> whole(String kind, Turn turn) {
		return List.of(new Segment(kind, text(turn)));
	}

	private static DiffCell cell(Turn turn, String runHref, List<Segment> segments) {
		return new DiffCell(turn.number(), turn.speaker().label(), turn.speaker().name().toLowerCase(Locale.ROOT),
				runHref + "#" + turn.anchor(), segments);
	}

	private static String text(Turn turn) {
		return (turn.text() != null) ? turn.text() : "";
	}

	/**
	 * The two sides of a word diff.
	 *
	 * @param base the base text in stretches, same or deleted
	 * @param head the head text in stretches, same or inserted
	 */
	record Sides(List<Segment> base, List<Segment> head) {
	}

	/** Stretches of text, a token at a time, with neighbours of one kind joined. */
	private static final class Stretches {

		private final List<Segment> segments = new ArrayList<>();

		private final StringBuilder text = new StringBuilder();

		private String kind;

		void add(String tokenKind, String token) {
			if (!tokenKind.equals(this.kind)) {
				flush();
				this.kind = tokenKind;
			}
			this.text.append(token);
		}

		List<Segment> segments() {
			flush();
			return this.segments;
		}

		private void flush() {
			if (this.kind != null && !this.text.isEmpty()) {
				this.segments.add(new Segment(this.kind, this.text.toString()));
			}
			this.text.setLength(0);
		}

	}

}
