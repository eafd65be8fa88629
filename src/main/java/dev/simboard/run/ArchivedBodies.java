package dev.simboard.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.LoggerFactory;

import dev.simboard.catalog.RunBodies;
import dev.simboard.catalog.RunBody;
import dev.simboard.logging.Warnings;
import dev.simboard.model.Id;
import dev.simboard.pagecache.HtmlSeal;
import dev.simboard.pagecache.SafeHtml;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/**
 * Finished runs' page bodies kept with their archived runs, so that a restarted Simboard
 * (or another replica of the same build) sends a run's page without rendering its body
 * again. A body is kept per renderer, a build of Simboard at a context path: another
 * build renders afresh and keeps its own. It is sealed ({@link HtmlSeal}); one the seal
 * does not vouch for is rendered afresh and replaced, with a WARN line. Nothing is kept
 * by a build without build information (run from an IDE), or without a lasting seal (demo
 * mode).
 */
@Component
class ArchivedBodies {

	/** Keeps and finds nothing. */
	static final ArchivedBodies NONE = new ArchivedBodies(null, null, (String) null, Clock.systemUTC());

	private final RunBodies bodies;

	private final HtmlSeal seal;

	/** This build, or {@code null} when nothing is kept. */
	private final String build;

	private final Warnings warnings;

	/** By context path, the renderer ID: one or two entries. */
	private final Map<String, String> renderers = new ConcurrentHashMap<>();

	@Autowired
	ArchivedBodies(RunBodies bodies, HtmlSeal seal, ObjectProvider<BuildProperties> build,
			ObjectProvider<Clock> clock) {
		this(bodies, seal, build(build.getIfAvailable()), clock.getIfAvailable(Clock::systemUTC));
	}

	ArchivedBodies(RunBodies bodies, HtmlSeal seal, String build, Clock clock) {
		boolean keeps = bodies != null && seal != null && seal.lasting() && build != null;
		this.bodies = bodies;
		this.seal = seal;
		this.build = keeps ? build : null;
		this.warnings = new Warnings(LoggerFactory.getLogger(ArchivedBodies.class), clock);
	}

	private static String build(BuildProperties build) {
		return (build != null && build.getTime() != null)
				? build.getGroup() + ":" + build.getArtifact() + ":" + build.getVersion() + "@" + build.getTime()
				: null;
	}

	/** The body kept for this run by this build at this context path, or empty. */
	Optional<SafeHtml> find(String contextPath, String jobId) {
		Optional<Id> id = Id.parse(jobId);
		if (this.build == null || id.isEmpty()) {
			return Optional.empty();
		}
		String renderer = renderer(contextPath);
		Optional<RunBody> kept = this.bodies.find(id.get(), renderer);
		if (kept.isEmpty()) {
			return Optional.empty();
		}
		Optional<SafeHtml> opened = this.seal.open(renderer, jobId, kept.get().html(), kept.get().seal());
		if (opened.isEmpty()) {
			this.warnings.warn("seal",
					"A run body kept in the archive did not match its seal (changed in the database, or sealed "
							+ "with another SigmaMind API key); rendered afresh: {}",
					jobId);
		}
		return opened;
	}

	/** Keeps this run's body, rendered at this context path, with its archived copy. */
	void keep(String contextPath, String jobId, SafeHtml body) {
		Optional<Id> id = Id.parse(jobId);
		if (this.build == null || id.isEmpty()) {
			return;
		}
		String renderer = renderer(contextPath);
		this.bodies.keep(id.get(), new RunBody(renderer, body.html(), this.seal.seal(renderer, jobId, body)));
	}

	/** Short, for a column: a digest of the build and the context path. */
	private String renderer(String contextPath) {
		return this.renderers.computeIfAbsent(contextPath, (path) -> {
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256")
					.digest((this.build + "\n" + path).getBytes(StandardCharsets.UTF_8));
				return HexFormat.of().formatHex(digest, 0, 16);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

}
