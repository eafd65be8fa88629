package dev.simboard.archive;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextMatchTests {

	@Test
	void containsWhenWildcardsAndBackslashesThenEachMatchesItself() {
		assertThat(TextMatch.contains("50%_a\\b")).isEqualTo("%50\\%\\_a\\\\b%");
	}

	@Test
	void ofWhenH2ThenEveryTermIsAnIlikeAndTheUserTextOnlyAParameter() {
		SearchQuery query = SearchQuery.parse("refund \"x'); drop table archived_run; --\" -voucher");

		TextMatch match = TextMatch.of(query, Vendor.H2, (words) -> {
			throw new AssertionError("H2 has no full text to ask");
		});

		assertThat(match.sql()).isEqualTo("(t.body ilike :term0 escape '\\' and t.body ilike :term1 escape '\\' "
				+ "and not (t.body ilike :term2 escape '\\'))");
		assertThat(match.params()).isEqualTo(
				Map.of("term0", "%refund%", "term1", "%x'); drop table archived\\_run; --%", "term2", "%voucher%"));
	}

	@Test
	void ofWhenPostgresThenIndexableWordsByFullTextAndPhrasesAndOtherWordsByIlike() {
		SearchQuery query = SearchQuery.parse("refund not \"will not\" -voucher");

		TextMatch match = TextMatch.of(query, Vendor.POSTGRESQL, (words) -> {
			assertThat(words).containsExactly("refund", "not", "voucher");
			return new boolean[] { true, false, true };
		});

		assertThat(match.sql()).isEqualTo("(t.search_vector @@ plainto_tsquery('english', :term0) "
				+ "and t.body ilike :term1 escape '\\' and t.body ilike :term2 escape '\\' "
				+ "and not (t.search_vector @@ plainto_tsquery('english', :term3)))");
		assertThat(match.params())
			.isEqualTo(Map.of("term0", "refund", "term1", "%not%", "term2", "%will not%", "term3", "voucher"));
	}

	@Test
	void ofWhenOnlyPhrasesThenPostgresAsksNothing() {
		TextMatch match = TextMatch.of(SearchQuery.parse("\"refund policy\""), Vendor.POSTGRESQL, (words) -> {
			throw new AssertionError("no word to ask about: " + words);
		});

		assertThat(match.params()).containsOnlyKeys("term0");
		assertThat(List.of(match.sql())).allMatch((sql) -> sql.contains("ilike"));
	}

}
