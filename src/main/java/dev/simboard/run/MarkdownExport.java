package dev.simboard.run;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.simboard.catalog.RunDetail;
import dev.simboard.model.Review;
import dev.simboard.model.Run;
import dev.simboard.review.ReviewView;
import dev.simboard.model.TestCase;
import dev.simboard.transcript.Turn;
import dev.simboard.web.Formats;
import dev.simboard.web.Verdict;

/**
 * A test run as Markdown to paste into a bug ticket: title, facts, criteria, remarks and
 * the conversation, each message linked to its place on the run page.
 * <p>
 * Every text from SigmaMind is untrusted, and must read in the ticket as the very text it
 * is: no image loaded, no link made, no heading, list, table, fence or emphasis started.
 * So each one is written as {@linkplain #literal literal} text: every ASCII punctuation
 * character is backslash-escaped (CommonMark lets any of them be, and then treats none as
 * syntax) and {@code <} becomes {@code &lt;}, since trackers may render HTML in Markdown;
 * a word holding an address goes in a code span instead, because GFM renderers turn
 * addresses into links after escapes are undone. One-line places (title, facts) get the
 * text on one line; longer texts are blockquoted line by line, so they stay inside their
 * quote.
 */
final class MarkdownExport {

	/** What CommonMark allows to be backslash-escaped: all ASCII punctuation. */
	private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

	private MarkdownExport() {
	}

	static String render(String agentId, String batchId, String jobId, RunDetail detail, String permalink) {
		return render(agentId, batchId, jobId, detail, permalink, null);
	}

	/** The same, with the team's review of the run when there is one. */
	static String render(String agentId, String batchId, String jobId, RunDetail detail, String permalink,
			Review review) {
		Run run = detail.run();
		TestCase testCase = run.testCase();
		Verdict verdict = Verdict.of(run);
		StringBuilder md = new StringBuilder();
		md.append("# ").append(line(Formats.label(testCase))).append(" — ").append(verdict.label()).append("\n\n");
		fact(md, "Job ID", code(jobId));
		fact(md, "Batch", code(batchId));
		String agentName = Formats.agentName(run.agent(), agentId);
		fact(md, "Agent", agentName.equals(agentId) ? code(agentId) : line(agentName) + " (" + code(agentId) + ")");
		fact(md, "Model", line(Formats.orDash((testCase != null) ? testCase.model() : null)));
		fact(md, "Attempt", attempt(detail));
		fact(md, "Started", Formats.timestamp(run.created()));
		fact(md, "Completed", Formats.timestamp(run.completed()));
		fact(md, "Duration", Formats.duration(run.duration()));
		fact(md, "Permalink", "<" + permalink + ">");
		md.append("\n## Success criteria\n\n")
			.append(quote(Formats.orDash((testCase != null) ? testCase.successCriteria() : null)))
			.append("\n\n## Judge's remarks\n\n")
			.append(quote(Formats.remarks(run)))
			.append("\n\n");
		if (review != null) {
			md.append("## Review\n\n");
			fact(md, "Verdict", ReviewView.outcome(review) + " (" + review.verdict().label() + ")");
			if (review.label() != null) {
				fact(md, "Label", line(review.label()));
			}
			if (review.ticket() != null) {
				fact(md, "Ticket", "<" + review.ticket() + ">");
			}
			fact(md, "Reviewed by", line(review.reviewer()) + ", " + Formats.timestamp(review.at()));
			if (review.note() != null) {
				md.append('\n').append(quote(review.note())).append('\n');
			}
			md.append('\n');
		}
		md.append("## Conversation\n");
		List<Turn> turns = detail.transcript().turns();
		if (turns.isEmpty()) {
			md.append('\n')
				.append(line((detail.transcriptProblem() != null) ? detail.transcriptProblem() : "No messages."))
				.append('\n');
		}
		for (Turn turn : turns) {
			md.append("\n**#").append(turn.number()).append(' ').append(turn.speaker().label());
			if (!turn.message()) {
				md.append(" · ").append(line(turn.type()));
			}
			md.append("** ([link](").append(permalink).append('#').append(turn.anchor()).append("))\n\n");
			md.append(quote(turn.text())).append('\n');
		}
		return md.toString();
	}

	/** "2 of 3" where the batch's runs were at hand; else what the test case plans. */
	private static String attempt(RunDetail detail) {
		if (detail.attempt() != null) {
			return detail.attempt().toString();
		}
		TestCase testCase = detail.run().testCase();
		Integer planned = (testCase != null) ? testCase.attempts() : null;
		return (planned != null) ? "one of " + planned : "—";
	}

	private static void fact(StringBuilder md, String name, String value) {
		md.append("- **").append(name).append(":** ").append(value).append('\n');
	}

	/** An ID from the address, so only letters, digits, {@code _} and {@code -}. */
	private static String code(String id) {
		return "`" + id + "`";
	}

	/** Untrusted text on one line. */
	static String line(String text) {
		if (text == null) {
			return "";
		}
		return literal(
				text.lines().map(String::strip).filter((line) -> !line.isEmpty()).collect(Collectors.joining(" ")));
	}

	/** Untrusted text as a blockquote: every line starts with {@code >}. */
	static String quote(String text) {
		String[] lines = ((text != null) ? text : "").split("\\r\\n|\\r|\\n", -1);
		StringBuilder quoted = new StringBuilder();
		for (String line : lines) {
			if (!quoted.isEmpty()) {
				quoted.append('\n');
			}
			// Leading spaces would start an indented code block; rendered, they show
			// nowhere.
			String literal = literal(line.strip());
			quoted.append(literal.isEmpty() ? ">" : "> " + literal);
		}
		return quoted.toString();
	}

	/**
	 * Untrusted text of one line as Markdown that renders as exactly that text. Words are
	 * cut at spaces and tabs only, so an address never spans two of them.
	 */
	static String literal(String text) {
		StringBuilder md = new StringBuilder(text.length() + text.length() / 4);
		int start = 0;
		while (start < text.length()) {
			int end = start;
			while (end < text.length() && !blank(text.charAt(end))) {
				end++;
			}
			if (end > start) {
				String word = text.substring(start, end);
				if (address(word)) {
					codeSpan(md, word);
				}
				else {
					escape(md, word);
				}
			}
			while (end < text.length() && blank(text.charAt(end))) {
				md.append(text.charAt(end++));
			}
			start = end;
		}
		return md.toString();
	}

	private static boolean blank(char c) {
		return c == ' ' || c == '\t';
	}

	/**
	 * Whether a GFM autolinker could find an address in this word: a URL
	 * ({@code scheme://}), a {@code www.} host or an email address.
	 */
	private static boolean address(String word) {
		return word.contains("://") || word.contains("@") || word.toLowerCase(Locale.ROOT).contains("www.");
	}

	private static void escape(StringBuilder md, String word) {
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (c == '<') {
				md.append("&lt;");
			}
			else if (PUNCTUATION.indexOf(c) >= 0) {
				md.append('\\').append(c);
			}
			else {
				md.append(c);
			}
		}
	}

	/**
	 * A code span shows its content as it is, with no escape and no link; its fence is
	 * one backtick longer than any run of backticks inside.
	 */
	private static void codeSpan(StringBuilder md, String word) {
		int longest = 0;
		int run = 0;
		for (int i = 0; i < word.length(); i++) {
			run = (word.charAt(i) == '`') ? run + 1 : 0;
			longest = Math.max(longest, run);
		}
		String fence = "`".repeat(longest + 1);
		// A space each side keeps a backtick at either end from joining the fence; the
		// renderer drops both spaces again.
		String pad = (word.startsWith("`") || word.endsWith("`")) ? " " : "";
		md.append(fence).append(pad).append(word).append(pad).append(fence);
	}

}
