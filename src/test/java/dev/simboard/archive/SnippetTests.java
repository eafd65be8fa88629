package dev.simboard.archive;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.simboard.archive.Snippet.Part;

import static org.assertj.core.api.Assertions.assertThat;

class SnippetTests {

	@Test
	void ofWhenTheTextIsShortThenAllOfItWithEveryMatchMarkedCaseAside() {
		assertThat(Snippet.of("Refund? Yes, a refund.", List.of("refund")).parts()).containsExactly(
				new Part("Refund", true), new Part("? Yes, a ", false), new Part("refund", true), new Part(".", false));
	}

	@Test
	void ofWhenSeveralTermsThenEachIsMarkedAndOverlapsJoin() {
		assertThat(Snippet.of("the refund policy", List.of("refund", "und pol")).parts())
			.containsExactly(new Part("the ", false), new Part("refund pol", true), new Part("icy", false));
	}

	@Test
	void ofWhenTheMatchIsFarInThenCutAroundItOnWordsWithEllipses() {
		String text = "word ".repeat(100) + "the refund is here " + "more ".repeat(100);

		Snippet snippet = Snippet.of(text, List.of("refund"));

		assertThat(snippet.parts().get(0)).isEqualTo(new Part(Snippet.ELLIPSIS, false));
		assertThat(snippet.parts()).last().isEqualTo(new Part(Snippet.ELLIPSIS, false));
		assertThat(snippet.parts()).contains(new Part("refund", true));
		String middle = snippet.text().substring(1, snippet.text().length() - 1);
		assertThat(middle).startsWith("word ").endsWith("more").hasSizeLessThanOrEqualTo(Snippet.WIDTH);
		assertThat(middle.indexOf("refund")).isBetween(Snippet.BEFORE - 5, Snippet.BEFORE);
	}

	@Test
	void ofWhenNoTermIsThereLiterallyThenTheStartUnmarked() {
		assertThat(Snippet.of("It was refunded", List.of("refunds")).parts())
			.containsExactly(new Part("It was refunded", false));
	}

	@Test
	void ofWhenWhiteSpaceThenSingleSpaces() {
		assertThat(Snippet.of("  one\n\n two\tthree ", List.of("two")).parts()).containsExactly(new Part("one ", false),
				new Part("two", true), new Part(" three", false));
	}

	@Test
	void ofWhenACutFallsInsideASurrogatePairThenThePairStaysWhole() {
		String text = "refund" + "😀".repeat(200);

		String snippet = Snippet.of(text, List.of("refund")).text();

		assertThat(snippet.codePoints().filter((c) -> c == 0xFFFD)).isEmpty();
		assertThat(Character.isHighSurrogate(snippet.charAt(snippet.length() - 2))).isFalse();
		assertThat(snippet).endsWith("😀" + Snippet.ELLIPSIS);
	}

}
