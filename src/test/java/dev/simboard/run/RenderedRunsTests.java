package dev.simboard.run;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.simboard.Fixtures;
import dev.simboard.catalog.CacheProperties;
import dev.simboard.catalog.RunDetail;
import dev.simboard.model.Attempt;
import dev.simboard.model.Run;
import dev.simboard.pagecache.PageCacheSettings;
import dev.simboard.transcript.Transcript;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether a run's pages are kept, without Spring: with
 * {@code simboard.page-cache.enabled} off, nothing is. (That a kept page is sent again
 * with each request's own token is in {@link RunControllerTests}.)
 */
class RenderedRunsTests {

	private static final CacheProperties CACHE = new CacheProperties(Duration.ofSeconds(60), Duration.ofSeconds(10),
			Duration.ofHours(24), DataSize.ofMegabytes(64), Duration.ofSeconds(10));

	private static final RenderedRuns.Frame FRAME = new RenderedRuns.Frame("", "qa", Set.of("ROLE_VIEWER"), "1 of 2",
			"1 of 12", null, null, "/agents/a/batches/b", false, 0, null, null);

	private final Run run = Fixtures.finishedRun(List.of(Fixtures.message("user", "Cancel, please.")));

	private final RunDetail finished = new RunDetail(this.run, Transcript.of(this.run.conversation()), null,
			new Attempt(1, 2), null);

	@Test
	void keeperWhenPageCacheOnAndRunFinishedThenOffersToKeepThePage() {
		RenderedRuns rendered = new RenderedRuns(null, new ArchivedBodies(null, null, (String) null, Clock.systemUTC()),
				CACHE, new PageCacheSettings(true));
		assertThat(rendered.keeper(this.finished, FRAME, null)).isNotNull();
	}

	@Test
	void keeperWhenPageCacheOffThenNothingIsKeptOrFound() {
		RenderedRuns rendered = new RenderedRuns(null, new ArchivedBodies(null, null, (String) null, Clock.systemUTC()),
				CACHE, new PageCacheSettings(false));
		assertThat(rendered.keeper(this.finished, FRAME, null)).isNull();
		assertThat(rendered.page(this.finished, FRAME)).isNull();
	}

}
