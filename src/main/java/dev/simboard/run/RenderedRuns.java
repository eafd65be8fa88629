package dev.simboard.run;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.simboard.catalog.CacheProperties;
import dev.simboard.catalog.RunDetail;
import dev.simboard.model.Conversation;
import dev.simboard.model.Run;
import dev.simboard.pagecache.HtmlFragments;
import dev.simboard.pagecache.KeptPage;
import dev.simboard.pagecache.PageCacheSettings;
import dev.simboard.pagecache.PageKeeper;
import dev.simboard.pagecache.SafeHtml;
import dev.simboard.review.Suggestion;

import org.springframework.stereotype.Component;

/**
 * Run pages, rendered once and kept where nothing in them can change. For a finished run
 * whose conversation came with it, the part only the run decides (judgement,
 * conversation, details) is rendered once; and each whole page around it, per
 * {@link Frame} (user and batch view), is kept as bytes and sent again with the request's
 * own CSRF token. All of it goes with the run: up to an eighth of the cache's weight
 * bound. The body is also kept with the archived run ({@link ArchivedBodies}), so a
 * restarted Simboard renders only the page around it. Any other run is rendered afresh on
 * each request.
 */
@Component
class RenderedRuns {

	/** The template of a run's body (its fragment {@code settled}). */
	static final String BODY_TEMPLATE = "run/body";

	/** The most pages kept for one run; the oldest goes first. */
	static final int PAGES_PER_RUN = 16;

	private final HtmlFragments fragments;

	private final ArchivedBodies archived;

	/** Off by {@code simboard.page-cache.enabled=false}: then every page is rendered. */
	private final boolean enabled;

	/**
	 * By the run as the catalog caches it, compared by identity: a run refetched or
	 * dropped from the catalog is rendered afresh, and its old renderings go with it.
	 */
	private final Cache<Run, Kept> settled;

	RenderedRuns(HtmlFragments fragments, ArchivedBodies archived, CacheProperties cache, PageCacheSettings settings) {
		this.fragments = fragments;
		this.archived = archived;
		this.enabled = settings.enabled();
		this.settled = Caffeine.newBuilder()
			.weakKeys()
			.maximumWeight(cache.renderedWeight().toBytes())
			.weigher((Run run, Kept kept) -> (int) Math.min(Integer.MAX_VALUE, kept.weight()))
			.build();
	}

	/**
	 * The body of the page of {@code view}, whose links start with {@code contextPath}
	 * (the application's own).
	 */
	SafeHtml body(String contextPath, RunDetail detail, RunView view) {
		String runHref = contextPath + view.href();
		if (settled(detail)) {
			return this.settled.get(detail.run(), (run) -> new Kept(settledBody(run, runHref, view), Map.of())).body();
		}
		return render(runHref, view);
	}

	/** A settled run's body: as kept in the archive, else rendered and kept there. */
	private SafeHtml settledBody(Run run, String runHref, RunView view) {
		String renderedFrom = this.archived.renderedFrom(runHref, view);
		Optional<SafeHtml> kept = this.archived.find(run, renderedFrom);
		if (kept.isPresent()) {
			return kept.get();
		}
		SafeHtml body = render(runHref, view);
		this.archived.keep(run.jobId(), renderedFrom, body);
		return body;
	}

	/** The whole page kept for this run and frame, or {@code null}. */
	KeptPage page(RunDetail detail, Frame frame) {
		Kept kept = settled(detail) ? this.settled.getIfPresent(detail.run()) : null;
		return (kept != null) ? kept.pages().get(frame) : null;
	}

	/**
	 * What keeps the page about to be rendered around {@code body} for this frame, or
	 * {@code null} when this run's pages are not kept.
	 */
	PageKeeper keeper(RunDetail detail, Frame frame, SafeHtml body) {
		if (!settled(detail)) {
			return null;
		}
		return new PageKeeper(body, (page) -> this.settled.asMap()
			.computeIfPresent(detail.run(), (run, kept) -> (kept.body() == body) ? kept.with(frame, page) : kept));
	}

	private boolean settled(RunDetail detail) {
		return this.enabled && detail.run().finished() && detail.staleness() == null && !detail.goneUpstream()
				&& detail.transcriptProblem() == null && detail.transcript().source() == Conversation.Source.RUN;
	}

	private SafeHtml render(String runHref, RunView view) {
		return this.fragments.render(BODY_TEMPLATE, "settled", Map.of("run", view, "runHref", runHref));
	}

	/**
	 * Everything a run page shows that the run does not decide, bar the CSRF token: who
	 * is signed in, and where the page sits in the batch view the user came from.
	 *
	 * @param contextPath the request's context path, which the page's links start with
	 * @param user the signed-in user's name
	 * @param authorities the user's roles, which decide what the page offers
	 * @param attempt the run's attempt, as shown
	 * @param position where the run stands in the batch view, as shown
	 * @param previousHref the run before, or {@code null}
	 * @param nextHref the run after, or {@code null}
	 * @param batchHref the batch view, query included
	 * @param archiveTrouble whether the layout tells admins the archive is failing
	 * @param reviewVersion the version of the run's review the page shows, 0 for none
	 * @param nextUnreviewedHref where "next unreviewed failure" goes, or {@code null}
	 * @param suggestion the review suggested for this run, or {@code null}
	 */
	record Frame(String contextPath, String user, Set<String> authorities, String attempt, String position,
			String previousHref, String nextHref, String batchHref, boolean archiveTrouble, int reviewVersion,
			String nextUnreviewedHref, Suggestion suggestion) {
	}

	/** A run's kept renderings: its body, and its latest whole pages. */
	record Kept(SafeHtml body, Map<Frame, KeptPage> pages) {

		Kept with(Frame frame, KeptPage page) {
			Map<Frame, KeptPage> pages = new LinkedHashMap<>(this.pages);
			pages.remove(frame);
			pages.put(frame, page);
			Iterator<Frame> oldest = pages.keySet().iterator();
			while (pages.size() > PAGES_PER_RUN) {
				oldest.next();
				oldest.remove();
			}
			return new Kept(this.body, Collections.unmodifiableMap(pages));
		}

		long weight() {
			long weight = 64 + this.body.footprint();
			for (KeptPage page : this.pages.values()) {
				weight += 256 + page.ownBytes();
			}
			return weight;
		}

	}

}
