package dev.simboard.run;

import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.simboard.catalog.CacheProperties;
import dev.simboard.catalog.RunDetail;
import dev.simboard.sigmamind.TestRun;
import dev.simboard.transcript.Transcript;
import dev.simboard.transcript.Turn;
import dev.simboard.web.HtmlFragments;
import dev.simboard.web.SafeHtml;

import org.springframework.stereotype.Component;

/**
 * A run page's conversation, rendered. For a finished run whose conversation came with it
 * neither can change, so its rendering is kept (up to an eighth of the cache's weight
 * bound) and a cached run page costs little more than its frame; any other is rendered
 * afresh on each request.
 */
@Component
class RunTranscripts {

	private final HtmlFragments fragments;

	/**
	 * By the run as the catalog caches it, compared by identity: a run refetched or
	 * dropped from the catalog is rendered afresh, and its old rendering goes with it.
	 */
	private final Cache<TestRun, SafeHtml> settled;

	RunTranscripts(HtmlFragments fragments, CacheProperties cache) {
		this.fragments = fragments;
		this.settled = Caffeine.newBuilder()
			.weakKeys()
			.maximumWeight(cache.renderedWeight().toBytes())
			.weigher((TestRun run, SafeHtml html) -> 64 + 2 * html.length())
			.build();
	}

	/**
	 * The conversation of a run whose page is at {@code runHref} (context path included).
	 */
	SafeHtml of(String runHref, RunDetail detail) {
		List<Turn> turns = detail.transcript().turns();
		if (settled(detail)) {
			return this.settled.get(detail.run(), (run) -> render(runHref, turns));
		}
		return render(runHref, turns);
	}

	private static boolean settled(RunDetail detail) {
		return detail.run().finished() && detail.staleness() == null && detail.transcriptProblem() == null
				&& detail.transcript().source() == Transcript.Source.CONVERSATION;
	}

	private SafeHtml render(String runHref, List<Turn> turns) {
		return this.fragments.render("run/transcript", "chat", Map.of("turns", turns, "runHref", runHref));
	}

}
