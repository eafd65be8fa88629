package dev.simboard.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.simboard.archive.Archive;
import dev.simboard.archive.Dropped;
import dev.simboard.logging.Warnings;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Applies {@code simboard.archive.retention}: unpinned runs and batches archived longer
 * ago than it are dropped, every {@code simboard.archive.cleanup-every}. With no
 * retention set, nothing is ever dropped.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ArchiveRetention implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(ArchiveRetention.class);

	/** The background job's name among replicas. */
	static final String JOB = "retention";

	private final Archiving archiving;

	private final ArchiveSettings settings;

	private final Clock clock;

	private final Warnings warnings;

	ArchiveRetention(Archiving archiving, ArchiveSettings settings, Clock clock) {
		this.archiving = archiving;
		this.settings = settings;
		this.clock = clock;
		this.warnings = new Warnings(logger, clock);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		Duration every = this.settings.cleanupEvery();
		registrar.addFixedDelayTask(new FixedDelayTask(this::apply, every, every));
	}

	/**
	 * Drops what is past the retention now.
	 * @return what was dropped; nothing when no retention is set or the archive cannot be
	 * reached
	 */
	Dropped apply() {
		if (this.settings.retention() == null) {
			return new Dropped(0, 0);
		}
		Instant cutoff = this.clock.instant().minus(this.settings.retention());
		// One replica at a time: another that holds the job drops the same.
		try (Archive.JobClaim claim = this.archiving.claim(JOB).orElse(null)) {
			if (claim == null) {
				return new Dropped(0, 0);
			}
			Dropped dropped = this.archiving.drop(cutoff);
			if (dropped.runs() > 0 || dropped.batches() > 0) {
				logger.info("Archive retention ({}): dropped {} runs and {} batches archived before {}",
						this.settings.retention(), dropped.runs(), dropped.batches(), cutoff);
			}
			return dropped;
		}
		catch (ExecutionException | RuntimeException ex) {
			this.warnings.warn("retention", "The archive's retention could not be applied: {}",
					(ex.getCause() != null) ? ex.getCause().toString() : ex.toString());
			return new Dropped(0, 0);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Dropped(0, 0);
		}
	}

}
