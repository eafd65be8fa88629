package dev.simboard;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.simboard.HtmlChecker.Problem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checker HtmlValidityTests trusts: it must find what the Nu HTML Checker calls an
 * error, and nothing it calls advice.
 */
class HtmlCheckerTests {

	static HtmlChecker checker;

	@BeforeAll
	static void loadSchema() {
		checker = new HtmlChecker();
	}

	@Test
	void checkerWhenPageIsValidThenReportsNothing() {
		assertThat(checker.errors(page("<main><h1>Runs</h1><p>None yet.</p></main>"))).isEmpty();
	}

	@Test
	void checkerWhenAriaLabelOnPlainDivThenReportsError() {
		List<Problem> errors = checker.errors(page("<div class=\"judgement\" aria-label=\"Verdicts\">x</div>"));
		assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.message()).contains("aria-label");
			assertThat(error.line()).isEqualTo(3);
		});
	}

	@Test
	void checkerWhenIdRepeatsThenReportsError() {
		// Nu's assertions, which the schema alone does not make.
		assertThat(checker.errors(page("<p id=\"m1\">a</p><p id=\"m1\">b</p>")))
			.anySatisfy((error) -> assertThat(error.message()).contains("Duplicate ID"));
	}

	@Test
	void checkerWhenCellSpansPastItsRowGroupThenReportsError() {
		// Nu's table checker.
		assertThat(checker
			.errors(page("<table><tbody><tr><td rowspan=\"3\">a</td></tr><tr><td>b</td></tr></tbody></table>")))
			.singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("spans past the end of its row group"));
	}

	@Test
	void checkerWhenMarkupIsBrokenThenReportsTheParseError() {
		assertThat(checker.errors(page("<p>An <em>unclosed</p></span>"))).isNotEmpty();
	}

	@Test
	void checkerWhenTrailingSlashOnVoidElementThenReportsNoError() {
		// Nu calls it info: noise, not invalid HTML.
		assertThat(checker.errors(page("<form><input name=\"q\" aria-label=\"Find\"/></form>"))).isEmpty();
	}

	@Test
	void checkerWhenReusedThenEachPageGetsOnlyItsOwnErrors() {
		assertThat(checker.errors(page("<div aria-label=\"x\">x</div>"))).hasSize(1);
		assertThat(checker.errors(page("<p>Fine.</p>"))).isEmpty();
		assertThat(checker.errors(page("<div aria-label=\"x\">x</div>"))).hasSize(1);
	}

	/** A valid document around a body; the body starts on line 3. */
	private static String page(String body) {
		return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Test</title></head><body>\n"
				+ body + "\n</body></html>\n";
	}

}
