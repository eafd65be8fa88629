package dev.simboard.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.LoggerFactory;

import dev.simboard.catalog.RunBodies;
import dev.simboard.catalog.RunBody;
import dev.simboard.logging.Warnings;
import dev.simboard.model.Id;
import dev.simboard.model.Run;
import dev.simboard.pagecache.HtmlSeal;
import dev.simboard.pagecache.SafeHtml;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Finished runs' page bodies kept with their archived runs, so that a restarted Simboard
 * (or another replica of the same build) sends a run's page without rendering its body
 * again. A body is found only for what it was rendered from: the build (its build
 * information and its body template), the run's address (context path included) and what
 * the body shows of the run; anything else renders afresh and replaces it. It is sealed
 * ({@link HtmlSeal}); one the seal does not vouch for is rendered afresh, with a WARN
 * line. Nothing is kept by a build without build information, or without a lasting seal
 * (demo mode).
 */
@Component
class ArchivedBodies {

	private final RunBodies bodies;

	private final HtmlSeal seal;

	/** This build, or {@code null} when nothing is kept. */
	private final String build;

	private final Warnings warnings;

	@Autowired
	ArchivedBodies(RunBodies bodies, HtmlSeal seal, ObjectProvider<BuildProperties> build,
			ObjectProvider<Clock> clock) {
		this(bodies, seal, build(build.getIfAvailable()), clock.getIfAvailable(Clock::systemUTC));
	}

	/**
	 * @param build this build, or {@code null}: then nothing is kept or found
	 */
	ArchivedBodies(RunBodies bodies, HtmlSeal seal, String build, Clock clock) {
		this.bodies = bodies;
		this.seal = seal;
		this.build = (seal != null && seal.lasting()) ? build : null;
		this.warnings = new Warnings(LoggerFactory.getLogger(ArchivedBodies.class), clock);
	}

	/**
	 * A build as its build information names it and its body template reads: an IDE run
	 * finds the last Maven build's information, and may have changed the template since.
	 */
	static String build(BuildProperties build) {
		if (build == null || build.getTime() == null) {
			return null;
		}
		try (InputStream template = new ClassPathResource("templates/" + RenderedRuns.BODY_TEMPLATE + ".html")
			.getInputStream()) {
			return build.getGroup() + ":" + build.getArtifact() + ":" + build.getVersion() + "@" + build.getTime() + "#"
					+ HexFormat.of().formatHex(digest(template.readAllBytes()));
		}
		catch (IOException ex) {
			return null;
		}
	}

	/** Whether bodies are kept and found at all. */
	boolean keeps() {
		return this.build != null;
	}

	/**
	 * What a body of {@code view} at {@code runHref} (context path included) is rendered
	 * from, as a short digest; {@code null} when nothing is kept.
	 */
	String renderedFrom(String runHref, RunView view) {
		if (!keeps()) {
			return null;
		}
		// What body.html shows, in its order: records and enums print the same in any
		// JVM.
		String shown = List
			.of(view.successCriteria(), view.verdict(), view.remarks(), view.turns(), view.transcriptSource(),
					String.valueOf(view.transcriptProblem()), view.testCaseId(), view.model(), view.created(),
					view.createdIso(), view.completed(), view.completedIso(), view.duration(), view.chatId(),
					view.mockData(), view.userPrompt())
			.toString();
		return HexFormat.of()
			.formatHex(digest((this.build + "\n" + runHref + "\n" + shown).getBytes(StandardCharsets.UTF_8)), 0, 16);
	}

	/** The body kept for this run, rendered from {@code renderedFrom}, or empty. */
	Optional<SafeHtml> find(Run run, String renderedFrom) {
		if (renderedFrom == null) {
			return Optional.empty();
		}
		String jobId = run.jobId();
		Optional<RunBody> kept = this.bodies.find(run, renderedFrom);
		if (kept.isEmpty()) {
			return Optional.empty();
		}
		Optional<SafeHtml> opened = this.seal.open(renderedFrom, jobId, kept.get().html(), kept.get().seal());
		if (opened.isEmpty()) {
			this.warnings.warn("seal",
					"A run body kept in the archive did not match its seal (changed in the database, or sealed "
							+ "with another SigmaMind API key); rendered afresh: {}",
					jobId);
		}
		return opened;
	}

	/**
	 * Keeps this run's body, rendered from {@code renderedFrom}, with its archived copy.
	 */
	void keep(String jobId, String renderedFrom, SafeHtml body) {
		Optional<Id> id = Id.parse(jobId);
		if (renderedFrom == null || id.isEmpty()) {
			return;
		}
		this.bodies.keep(id.get(), new RunBody(renderedFrom, body.html(), this.seal.seal(renderedFrom, jobId, body)));
	}

	private static byte[] digest(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			// SHA-256 is in every JDK.
			throw new IllegalStateException(ex);
		}
	}

}
