package dev.simboard.run;

import java.util.List;

import dev.simboard.catalog.RunDetail;
import dev.simboard.sigmamind.TestCase;
import dev.simboard.sigmamind.TestRun;
import dev.simboard.transcript.Turn;
import dev.simboard.web.Formats;
import dev.simboard.web.Verdict;

/**
 * A test run as Markdown to paste into a bug ticket: title, facts, criteria, remarks and
 * the conversation, each message linked to its place on the run page.
 * <p>
 * Every text from SigmaMind is untrusted. One-line places (title, facts) get it on one
 * line, so it cannot start a heading or a list item of its own; longer texts are
 * blockquoted line by line, so they stay inside their quote; and {@code <} becomes
 * {@code &lt;} everywhere, because trackers may render HTML in Markdown.
 */
final class MarkdownExport {

	private MarkdownExport() {
	}

	static String render(String agentId, String batchId, String jobId, RunDetail detail, String permalink) {
		TestRun run = detail.run();
		TestCase testCase = run.testCase();
		Verdict verdict = Verdict.of(run);
		StringBuilder md = new StringBuilder();
		md.append("# ").append(line(Formats.label(testCase))).append(" — ").append(verdict.label()).append("\n\n");
		fact(md, "Job ID", code(jobId));
		fact(md, "Batch", code(batchId));
		String agentName = Formats.agentName(run.agent(), agentId);
		fact(md, "Agent", agentName.equals(agentId) ? code(agentId) : line(agentName) + " (" + code(agentId) + ")");
		fact(md, "Model", line(Formats.orDash((testCase != null) ? testCase.llmModel() : null)));
		fact(md, "Attempt", attempt(detail));
		fact(md, "Started", Formats.timestamp(run.createdDate()));
		fact(md, "Completed", Formats.timestamp(run.completedDate()));
		fact(md, "Duration", Formats.duration(Formats.between(run.createdDate(), run.completedDate())));
		fact(md, "Permalink", "<" + permalink + ">");
		md.append("\n## Success criteria\n\n")
			.append(quote(Formats.orDash((testCase != null) ? testCase.successCriteria() : null)))
			.append("\n\n## Judge's remarks\n\n")
			.append(quote(remarks(run, verdict)))
			.append("\n\n## Conversation\n");
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
		Integer planned = (testCase != null) ? testCase.attempt() : null;
		return (planned != null) ? "one of " + planned : "—";
	}

	private static String remarks(TestRun run, Verdict verdict) {
		if (run.remarks() != null && !run.remarks().isBlank()) {
			return run.remarks();
		}
		return (verdict == Verdict.RUNNING) ? "The judge has not spoken yet: this run is still going."
				: "The judge left no remarks.";
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
		return html(text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip());
	}

	/** Untrusted text as a blockquote: every line starts with {@code >}. */
	static String quote(String text) {
		String[] lines = html((text != null) ? text : "").split("\\r\\n|\\r|\\n", -1);
		StringBuilder quoted = new StringBuilder();
		for (String line : lines) {
			if (!quoted.isEmpty()) {
				quoted.append('\n');
			}
			quoted.append(line.isBlank() ? ">" : "> " + line);
		}
		return quoted.toString();
	}

	private static String html(String text) {
		return text.replace("<", "&lt;");
	}

}
