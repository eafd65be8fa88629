package dev.simboard.model;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdTests {

	@ParameterizedTest
	@ValueSource(strings = { "agent_D5D0p7TUs66TTAEAx", "chat-IpELinkFvINQ1212", "a", "_", "-", "0", "A-z_9" })
	void ofWhenIdFollowsTheRuleThenKeepsItAsItIs(String value) {
		Id id = Id.of(value);
		assertThat(id.value()).isEqualTo(value);
		assertThat(Id.parse(value)).contains(id);
		assertThat(Id.valid(value)).isTrue();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@MethodSource("invalid")
	void ofWhenIdBreaksTheRuleThenInvalidWithTheRule(String value) {
		assertThatExceptionOfType(Id.Invalid.class).isThrownBy(() -> Id.of(value))
			.withMessageContaining(Id.MESSAGE)
			.isInstanceOf(IllegalArgumentException.class);
		assertThatIllegalArgumentException().isThrownBy(() -> new Id(value));
		assertThat(Id.parse(value)).isEmpty();
		assertThat(Id.valid(value)).isFalse();
	}

	static Stream<String> invalid() {
		return Stream.of("..", "a;b", "a/b", " ", "agent 1", " agent_1", "agent_1 ", "a?b=c", "a#b", "a%2Fb", "a.b",
				"ägent", "agent_1\n", "<script>", "a\\b", "{agentId}");
	}

	@Test
	void ofWhenLengthIs128ThenValidAnd129ThenInvalid() {
		assertThat(Id.of("x".repeat(128)).value()).hasSize(128);
		assertThatExceptionOfType(Id.Invalid.class).isThrownBy(() -> Id.of("x".repeat(129)));
	}

	@Test
	void invalidWhenValueHugeThenMessageShowsOnlyItsStart() {
		String huge = "<" + "a".repeat(100_000);
		assertThatExceptionOfType(Id.Invalid.class).isThrownBy(() -> Id.of(huge))
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(200)
				.contains("\"<aaa", "100001 characters", Id.MESSAGE));
	}

	@Test
	void invalidWhenValueHasLineBreaksThenMessageKeepsToOneLine() {
		assertThatExceptionOfType(Id.Invalid.class).isThrownBy(() -> Id.of("job_1\r\nWARN forged"))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\r", "\n"));
	}

	@Test
	void invalidWhenNullThenMessageSaysNull() {
		assertThatExceptionOfType(Id.Invalid.class).isThrownBy(() -> Id.of(null)).withMessage("null " + Id.MESSAGE);
	}

	@Test
	void toStringWhenIdThenTheIdItself() {
		assertThat(Id.of("batch_s0OJu2JWR8R45Fai")).hasToString("batch_s0OJu2JWR8R45Fai");
		assertThat("/agents/" + Id.of("agent_1")).isEqualTo("/agents/agent_1");
	}

	@Test
	void equalsWhenSameValueThenEqual() {
		assertThat(Id.of("job_1")).isEqualTo(Id.of("job_1")).hasSameHashCodeAs(Id.of("job_1"));
		assertThat(Id.of("job_1")).isNotEqualTo(Id.of("JOB_1"));
	}

	@Test
	void regexpWhenUsedAsAPatternThenSameRuleAsTheType() {
		assertThat("agent_1-x").matches(Id.REGEXP);
		assertThat("a.b").doesNotMatch(Id.REGEXP);
		assertThat("x".repeat(129)).doesNotMatch(Id.REGEXP);
	}

}
