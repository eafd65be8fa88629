package dev.simboard.review;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.simboard.model.Message;
import dev.simboard.model.Run;

/**
 * What two failures are compared by: the judge's remarks and the conversation's last
 * messages, in lower case with runs of spaces as one, at most {@link #MAX} characters.
 * Alike is the share of character trigrams they have in common (Jaccard), which holds up
 * to rewording and works the same on both databases.
 */
final class Evidence {

	/** The most characters kept, as the column holds. */
	static final int MAX = 2_000;

	/** The last messages taken. */
	static final int LAST_MESSAGES = 3;

	private Evidence() {
	}

	/** A run's evidence; empty when it has no remarks and no messages. */
	static String of(Run run) {
		StringBuilder text = new StringBuilder((run.remarks() != null) ? run.remarks() : "");
		List<Message> messages = run.conversation().messages();
		for (Message message : messages.subList(Math.max(0, messages.size() - LAST_MESSAGES), messages.size())) {
			if (message.text() != null) {
				text.append(' ').append(message.text());
			}
		}
		String normal = text.toString().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
		return (normal.length() > MAX) ? normal.substring(0, MAX) : normal;
	}

	/** How alike two evidences are, 0 to 1. */
	static double alike(String a, String b) {
		Set<String> left = trigrams(a);
		Set<String> right = trigrams(b);
		if (left.isEmpty() || right.isEmpty()) {
			return 0;
		}
		int common = 0;
		for (String trigram : left) {
			common += right.contains(trigram) ? 1 : 0;
		}
		return (double) common / (left.size() + right.size() - common);
	}

	private static Set<String> trigrams(String text) {
		Set<String> trigrams = new HashSet<>();
		String padded = "  " + text + " ";
		for (int i = 0; i + 3 <= padded.length(); i++) {
			trigrams.add(padded.substring(i, i + 3));
		}
		return trigrams;
	}

}
