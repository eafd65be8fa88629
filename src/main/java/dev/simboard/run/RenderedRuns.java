package dev.simboard.run;

import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.simboard.catalog.CacheProperties;
import dev.simboard.catalog.RunDetail;
import dev.simboard.sigmamind.TestRun;
import dev.simboard.transcript.Transcript;
import dev.simboard.web.HtmlFragments;
import dev.simboard.web.SafeHtml;

import org.springframework.stereotype.Component;

/**
 * The part of a run page that only the run decides (judgement, conversation, details),
 * rendered. For a finished run whose conversation came with it none of it can change, so
 * its rendering is kept (up to an eighth of the cache's weight bound) and a cached run
 * page costs little more than its frame; any other is rendered afresh on each request.
 */
@Component
class RenderedRuns {

	private final HtmlFragments fragments;

	/**
	 * By the run as the catalog caches it, compared by identity: a run refetched or
	 * dropped from the catalog is rendered afresh, and its old rendering goes with it.
	 */
	private final Cache<TestRun, SafeHtml> settled;

	RenderedRuns(HtmlFragments fragments, CacheProperties cache) {
		this.fragments = fragments;
		this.settled = Caffeine.newBuilder()
			.weakKeys()
			.maximumWeight(cache.renderedWeight().toBytes())
			.weigher((TestRun run, SafeHtml html) -> 64 + 2 * html.length())
			.build();
	}

	/**
	 * The body of the page of {@code view}, at {@code runHref} (context path included).
	 */
	SafeHtml body(String runHref, RunDetail detail, RunView view) {
		if (settled(detail)) {
			return this.settled.get(detail.run(), (run) -> render(runHref, view));
		}
		return render(runHref, view);
	}

	private static boolean settled(RunDetail detail) {
		return detail.run().finished() && detail.staleness() == null && detail.transcriptProblem() == null
				&& detail.transcript().source() == Transcript.Source.CONVERSATION;
	}

	private SafeHtml render(String runHref, RunView view) {
		return this.fragments.render("run/body", "settled", Map.of("run", view, "runHref", runHref));
	}

}
