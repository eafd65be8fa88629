package dev.simboard.archive;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.simboard.archive.SearchQuery.Term;

import static org.assertj.core.api.Assertions.assertThat;

class SearchQueryTests {

	private static Term word(String value) {
		return new Term(value, false);
	}

	private static Term phrase(String value) {
		return new Term(value, true);
	}

	@Test
	void parseWhenWordsThenEachIsRequired() {
		assertThat(SearchQuery.parse("  refund\tpolicy \n order "))
			.isEqualTo(new SearchQuery(List.of(word("refund"), word("policy"), word("order")), List.of()));
	}

	@Test
	void parseWhenQuotedThenOnePhraseWithItsSpacesMadeSingle() {
		assertThat(SearchQuery.parse("refund \"will   not\ndo\" now"))
			.isEqualTo(new SearchQuery(List.of(word("refund"), phrase("will not do"), word("now")), List.of()));
	}

	@Test
	void parseWhenQuoteUnclosedThenThePhraseRunsToTheEnd() {
		assertThat(SearchQuery.parse("refund \"will not"))
			.isEqualTo(new SearchQuery(List.of(word("refund"), phrase("will not")), List.of()));
	}

	@Test
	void parseWhenMinusBeforeAWordOrPhraseThenExcluded() {
		assertThat(SearchQuery.parse("refund -voucher -\"store credit\""))
			.isEqualTo(new SearchQuery(List.of(word("refund")), List.of(word("voucher"), phrase("store credit"))));
	}

	@Test
	void parseWhenMinusAloneOrInsideAWordThenNoExclusion() {
		assertThat(SearchQuery.parse("e-mail - refund -"))
			.isEqualTo(new SearchQuery(List.of(word("e-mail"), word("refund")), List.of()));
	}

	@Test
	void parseWhenPunctuationAroundAWordThenDroppedAndInsideKept() {
		assertThat(SearchQuery.parse("refund, (hello) O'Brien job_12 50% ... ¿qué?")).isEqualTo(new SearchQuery(
				List.of(word("refund"), word("hello"), word("O'Brien"), word("job_12"), word("50"), word("qué")),
				List.of()));
	}

	@Test
	void parseWhenQuotedThenPunctuationAndWildcardsAreKept() {
		assertThat(SearchQuery.parse("\"50% off_\" \"'; drop table x; --\""))
			.isEqualTo(new SearchQuery(List.of(phrase("50% off_"), phrase("'; drop table x; --")), List.of()));
	}

	@Test
	void parseWhenATermIsRepeatedThenItCountsOnceCaseAside() {
		assertThat(SearchQuery.parse("Refund refund REFUND \"refund\" -x -X"))
			.isEqualTo(new SearchQuery(List.of(word("Refund"), phrase("refund")), List.of(word("x"))));
	}

	@Test
	void parseWhenMoreTermsThanTheMostThenTheRestAreIgnored() {
		SearchQuery query = SearchQuery.parse("a b c d e f g h i j k -l");

		assertThat(query.required()).hasSize(SearchQuery.MAX_TERMS).last().isEqualTo(word("j"));
		assertThat(query.excluded()).isEmpty();
	}

	@Test
	void countTermsWhenMoreThanTheMostThenCountsThemAllRepeatsOnce() {
		assertThat(SearchQuery.countTerms("a b c d e f g h i j k -l \"m n\" a A")).isEqualTo(13);
		assertThat(SearchQuery.countTerms("refund -voucher")).isEqualTo(2);
		assertThat(SearchQuery.countTerms("  ")).isZero();
		assertThat(SearchQuery.countTerms(null)).isZero();
	}

	@Test
	void parseWhenATermIsTooLongThenItIsCut() {
		SearchQuery query = SearchQuery.parse("x".repeat(500) + " \"" + "y ".repeat(300) + "\"");

		assertThat(query.required()).extracting(Term::value)
			.containsExactly("x".repeat(SearchQuery.MAX_TERM_LENGTH), "y ".repeat(50).strip());
	}

	@Test
	void parseWhenTheQueryIsTooLongThenOnlyItsStartIsRead() {
		SearchQuery query = SearchQuery.parse("a".repeat(SearchQuery.MAX_QUERY_LENGTH) + " hidden");

		assertThat(query.required()).extracting(Term::value).doesNotContain("hidden");
	}

	@Test
	void parseWhenNothingToFindThenEmpty() {
		assertThat(SearchQuery.parse(null).isEmpty()).isTrue();
		assertThat(SearchQuery.parse("   ").isEmpty()).isTrue();
		assertThat(SearchQuery.parse("\"\" ... -- ").isEmpty()).isTrue();
		assertThat(SearchQuery.parse("-voucher -\"store credit\"").isEmpty()).isTrue();
	}

	@Test
	void textThenTheQueryAsASearchBoxShowsIt() {
		assertThat(SearchQuery.parse("refund,  \"will  not\" -voucher -\"store credit\"").text())
			.isEqualTo("refund \"will not\" -voucher -\"store credit\"");
	}

}
