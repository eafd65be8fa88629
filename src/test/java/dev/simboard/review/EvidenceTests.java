package dev.simboard.review;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How alike two failures read, as suggestions weigh them. */
class EvidenceTests {

	@Test
	void alikeWhenRewordedThenCloserThanAnotherCause() {
		String reviewed = "the agent refused the refund and quoted the wrong return policy.";
		String reworded = "the agent refused the refund, quoting the wrong return policy again.";
		String other = "the call dropped: sigmamind answered 502 during the lookup tool call.";

		assertThat(Evidence.alike(reworded, reviewed)).isGreaterThan(Evidence.alike(reworded, other));
		assertThat(Evidence.alike(reviewed, reviewed)).isEqualTo(1.0);
		assertThat(Evidence.alike("", reviewed)).isZero();
	}

}
