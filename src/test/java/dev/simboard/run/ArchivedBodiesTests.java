package dev.simboard.run;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.simboard.Fixtures;
import dev.simboard.model.MockVariable;
import dev.simboard.pagecache.HtmlSeal;
import dev.simboard.transcript.Speaker;
import dev.simboard.transcript.Turn;
import dev.simboard.web.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a kept body is found by, without a database: the build, the run's address and what
 * the body shows. (That a restarted Simboard finds and sends it, and never one its seal
 * does not vouch for, is {@code ArchiveRestartTests}.)
 */
class ArchivedBodiesTests {

	private static final HtmlSeal SEAL = HtmlSeal.keyedBy("sk_test_0123456789abcdef");

	private static final String HREF = "/agents/a1/batches/b1/runs/job_1";

	private final ArchivedBodies bodies = new ArchivedBodies(null, SEAL, "dev.simboard:simboard:1@t1#abc",
			Clock.systemUTC());

	@Test
	void renderedFromWhenTheSameRunAtTheSameAddressThenTheSame() {
		String first = this.bodies.renderedFrom(HREF, view("Refunded."));

		assertThat(first).hasSize(32).isEqualTo(this.bodies.renderedFrom(HREF, view("Refunded.")));
	}

	@Test
	void renderedFromWhenTheAddressContentOrBuildDiffersThenNotTheSame() {
		String first = this.bodies.renderedFrom(HREF, view("Refunded."));

		assertThat(this.bodies.renderedFrom("/simboard" + HREF, view("Refunded."))).isNotEqualTo(first);
		assertThat(this.bodies.renderedFrom(HREF, view("Refunded twice."))).isNotEqualTo(first);
		assertThat(new ArchivedBodies(null, SEAL, "dev.simboard:simboard:1@t2#abc", Clock.systemUTC())
			.renderedFrom(HREF, view("Refunded."))).isNotEqualTo(first);
	}

	@Test
	void renderedFromWhenOnlyTheFrameDiffersThenTheSame() {
		RunView other = new RunView("job_1", "Refund", "tc_1", Verdict.PASSED, "Refunds politely", "Judged.",
				"Be angry", List.of(new MockVariable("order", "A-1")), "gpt", "2 of 2", "2026-03-01 10:00:00 UTC",
				"2026-03-01T10:00:00Z", "—", "", "2m", "chat_1", turns("Refunded."), "from the test run", null,
				HREF + "/refresh", HREF, "/agents/a1/batches/b1?sort=label", "3 of 9", null, null);

		assertThat(this.bodies.renderedFrom(HREF, other)).isEqualTo(this.bodies.renderedFrom(HREF, view("Refunded.")));
	}

	@Test
	void keepsWhenNoBuildInformationOrNoLastingSealThenNothingIsKeptOrFound() {
		ArchivedBodies unbuilt = new ArchivedBodies(null, SEAL, (String) null, Clock.systemUTC());
		ArchivedBodies demo = new ArchivedBodies(null, HtmlSeal.keyedBy(""), "b", Clock.systemUTC());

		for (ArchivedBodies none : List.of(unbuilt, demo)) {
			assertThat(none.keeps()).isFalse();
			assertThat(none.renderedFrom(HREF, view("Refunded."))).isNull();
			assertThat(none.find(Fixtures.finishedRun(List.of()), null)).isEmpty();
		}
	}

	private static RunView view(String agentSays) {
		return new RunView("job_1", "Refund", "tc_1", Verdict.PASSED, "Refunds politely", "Judged.", "Be angry",
				List.of(new MockVariable("order", "A-1")), "gpt", "1 of 2", "2026-03-01 10:00:00 UTC",
				"2026-03-01T10:00:00Z", "—", "", "2m", "chat_1", turns(agentSays), "from the test run", null,
				HREF + "/refresh", HREF, "/agents/a1/batches/b1", "", null, null);
	}

	private static List<Turn> turns(String agentSays) {
		return List.of(new Turn(1, Speaker.USER, "user", "message", "I want my money back"),
				new Turn(2, Speaker.AGENT, "assistant", "message", agentSays));
	}

}
