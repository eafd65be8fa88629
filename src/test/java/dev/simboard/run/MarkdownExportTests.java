package dev.simboard.run;

import java.util.List;
import java.util.stream.Stream;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import dev.simboard.Fixtures;
import dev.simboard.model.Attempt;
import dev.simboard.catalog.RunDetail;
import dev.simboard.model.Agent;
import dev.simboard.model.TestCase;
import dev.simboard.model.Run;
import dev.simboard.model.Verdict;
import dev.simboard.model.Conversation;
import dev.simboard.transcript.Speaker;
import dev.simboard.transcript.Transcript;
import dev.simboard.transcript.Turn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Markdown export as a tracker renders it: through a real CommonMark renderer with
 * GitHub's tables and autolinks, untrusted text must come out as the text it is, and only
 * Simboard's own headings, lists and links are made.
 */
class MarkdownExportTests {

	private static final String PERMALINK = "https://simboard.example.com/agents/" + Fixtures.AGENT_ID + "/batches/"
			+ Fixtures.BATCH_ID + "/runs/" + Fixtures.JOB_ID;

	private static final List<Extension> GFM = List.of(TablesExtension.create(), AutolinkExtension.create());

	/** Markdown, HTML and addresses that must not work in the export. */
	static final List<String> HOSTILE = List.of("![x](https://evil.example/p.png)",
			"![x][r]\n\n[r]: https://evil.example/p.png", "[click](javascript:alert(1))",
			"[click][1]\n[1]: javascript:alert(1)", "[x]: https://evil.example", "<https://evil.example>",
			"<qa@evil.example>", "see https://evil.example/p?x=1 now", "www.evil.example", "WWW.EVIL.EXAMPLE/x",
			"mail qa@evil.example", "ftp://evil.example", "a | b\n--- | ---\nc | d", "| a | b |\n|---|---|\n| c | d |",
			"# heading", "###### six", "Title\n===", "Title\n---", "> quoted", "- item", "* item", "+ item", "1. item",
			"1) item", "```\ncode\n```", "~~~js\ncode\n~~~", "    indented code", "\tindented", "***", "___",
			"*em* _em_ **strong** __strong__ ~~del~~ `code`", "<img src=x onerror=alert(1)>",
			"<script>alert(1)</script>", "</blockquote><b>b</b>", "<!-- hidden -->", "&lt;b&gt; &amp; &#60;",
			"back\\slash at end\\", "`https://evil.example`", "``x`` `y` https://e.example/`a``b`",
			"line1\n\n\nline2\r\nline3\rline4", "Footnote[^1]\n\n[^1]: https://evil.example", "trailing  \nbreak",
			"{{7*7}} ${x} %s $$x$$");

	private static Document rendered(String markdown) {
		String html = HtmlRenderer.builder()
			.extensions(GFM)
			.build()
			.render(Parser.builder().extensions(GFM).build().parse(markdown));
		return Jsoup.parseBodyFragment(html);
	}

	/** A finished, failed run with {@code text} in every place SigmaMind fills. */
	private static Document exportWithEverywhere(String text) {
		TestCase testCase = new TestCase("tc_1", text, Fixtures.AGENT_ID, text, List.of(), text, 2, text);
		Run run = new Run(Fixtures.JOB_ID, Fixtures.BATCH_ID, new Agent(Fixtures.AGENT_ID, text, "Live"), testCase,
				null, Fixtures.CREATED, Fixtures.CREATED.plusSeconds(60), Verdict.FAILED, text, Conversation.NONE);
		Transcript transcript = new Transcript(List.of(new Turn(1, Speaker.USER, "user", "message", text),
				new Turn(2, Speaker.AGENT, "assistant", "message", text),
				new Turn(3, Speaker.OTHER, "tool", text, text)), Conversation.Source.CHAT);
		return export(new RunDetail(run, transcript, null, new Attempt(1, 2), null));
	}

	private static Document export(RunDetail detail) {
		return rendered(
				MarkdownExport.render(Fixtures.AGENT_ID, Fixtures.BATCH_ID, Fixtures.JOB_ID, detail, PERMALINK));
	}

	/** The text as a rendered page shows it: whitespace runs read as one space. */
	private static String shown(String text) {
		return text.strip().replaceAll("\\s+", " ");
	}

	private static Stream<String> texts(Document html, String selector) {
		return html.select(selector).stream().map(Element::text);
	}

	@Test
	void exportWhenRemarksHoldImageThenNoImageLoads() {
		Run run = Fixtures.run(Fixtures.JOB_ID, Fixtures.testCase("tc_1", "Refund"), false, Fixtures.CREATED,
				List.of());
		run = new Run(run.jobId(), run.batchId(), run.agent(), run.testCase(), run.chatId(), run.created(),
				run.completed(), run.verdict(), "Look: ![x](https://evil.example/p.png)", run.conversation());
		Document html = export(new RunDetail(run, Transcript.of(run.conversation()), null, null, null));
		assertThat(html.select("img")).isEmpty();
		assertThat(html.select("blockquote").get(1).text()).isEqualTo("Look: ![x](https://evil.example/p.png)");
	}

	@Test
	void exportWhenMessagesHoldLinksOrAddressesThenNoLinkIsMade() {
		Document html = exportWithEverywhere(
				"[click](javascript:alert(1)) <https://evil.example> https://evil.example www.evil.example qa@evil.example");
		assertThat(html.select("a").eachAttr("href")).containsExactly(PERMALINK, PERMALINK + "#m1", PERMALINK + "#m2",
				PERMALINK + "#m3");
		assertThat(texts(html, "blockquote")).containsOnly(
				"[click](javascript:alert(1)) <https://evil.example> https://evil.example www.evil.example qa@evil.example");
	}

	@Test
	void exportWhenMessageHoldsTableThenNoTableIsMade() {
		Document html = exportWithEverywhere("| a | b |\n|---|---|\n| c | d |");
		assertThat(html.select("table")).isEmpty();
		assertThat(texts(html, "blockquote")).containsOnly("| a | b | |---|---| | c | d |");
	}

	@Test
	void exportWhenTextStartsHeadingsListsOrFencesThenOnlySimboardsOwnStart() {
		Document html = exportWithEverywhere("# heading\n> quoted\n- item\n1. item\n```\nfenced\n```\n    indented");
		assertThat(texts(html, "h1, h2, h3, h4, h5, h6")).containsExactly(
				"# heading > quoted - item 1. item ``` fenced ``` indented — Failed", "Success criteria",
				"Judge's remarks", "Conversation");
		assertThat(html.select("ol, pre, blockquote blockquote, blockquote ul")).isEmpty();
		assertThat(html.select("ul")).hasSize(1);
	}

	@Test
	void exportWhenTextHasNoMarkdownThenSimboardsOwnStructureStands() {
		Document html = exportWithEverywhere("I want to cancel.");
		assertThat(texts(html, "h1")).containsExactly("I want to cancel. — Failed");
		assertThat(texts(html, "ul > li")).contains("Job ID: " + Fixtures.JOB_ID, "Batch: " + Fixtures.BATCH_ID,
				"Agent: I want to cancel. (" + Fixtures.AGENT_ID + ")", "Model: I want to cancel.", "Attempt: 1 of 2",
				"Permalink: " + PERMALINK);
		assertThat(texts(html, "code")).containsExactly(Fixtures.JOB_ID, Fixtures.BATCH_ID, Fixtures.AGENT_ID);
		assertThat(texts(html, "strong")).endsWith("#1 Simulated user", "#2 Agent", "#3 Other · I want to cancel.");
	}

	@ParameterizedTest
	@FieldSource("HOSTILE")
	void exportWhenAnyTextHoldsMarkdownOrHtmlThenRendersAsThatText(String text) {
		Document html = exportWithEverywhere(text);
		// Only what Simboard itself writes: its headings, facts list, bold labels, ID
		// code
		// spans, quotes and its own links; address words come as code spans.
		assertThat(html.body().select("*").stream().map(Element::tagName).distinct())
			.allMatch(List.of("body", "h1", "h2", "ul", "li", "strong", "code", "p", "blockquote", "a")::contains);
		assertThat(html.select("a").eachAttr("href")).containsExactly(PERMALINK, PERMALINK + "#m1", PERMALINK + "#m2",
				PERMALINK + "#m3");
		assertThat(texts(html, "h1")).containsExactly(shown(text) + " — Failed");
		assertThat(texts(html, "h2")).containsExactly("Success criteria", "Judge's remarks", "Conversation");
		assertThat(html.select("ul")).hasSize(1);
		assertThat(texts(html, "ul > li")).contains("Agent: " + shown(text) + " (" + Fixtures.AGENT_ID + ")",
				"Model: " + shown(text));
		assertThat(texts(html, "strong")).endsWith("#1 Simulated user", "#2 Agent", "#3 Other · " + shown(text));
		assertThat(html.select("body > blockquote")).hasSize(5);
		assertThat(html.select("blockquote > *")).allMatch((child) -> child.tagName().equals("p"));
		assertThat(texts(html, "blockquote")).containsOnly(shown(text));
	}

}
