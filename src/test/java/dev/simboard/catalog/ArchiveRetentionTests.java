package dev.simboard.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.simboard.MutableClock;
import dev.simboard.archive.Archive;
import dev.simboard.archive.ArchivedRun;
import dev.simboard.archive.Dropped;
import dev.simboard.archive.Pin;
import dev.simboard.archive.TestArchives;
import dev.simboard.model.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Retention drops unpinned archive entries past their time, by the injected clock, and
 * never a pinned batch's; with no retention set, nothing.
 */
class ArchiveRetentionTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private final Archive archive = TestArchives.h2();

	private final MutableClock clock = new MutableClock(T0);

	@Test
	void applyWhenNoRetentionSetThenNothingIsDropped() {
		save("job_old1", "batch_a");
		this.clock.advance(Duration.ofDays(3650));
		Dropped dropped = new ArchiveRetention(new Archiving(this.archive, new ArchiveStatus(this.clock), this.clock),
				new ArchiveSettings(null, Duration.ofHours(1), Archiving.READ_LIMIT), this.clock)
			.apply();
		assertThat(dropped).isEqualTo(new Dropped(0, 0));
		assertThat(this.archive.findRun("job_old1")).isPresent();
	}

	@Test
	void applyWhenEntriesPastRetentionThenUnpinnedDroppedAndPinnedKept() {
		save("job_old1", "batch_a");
		save("job_pinned", "batch_pinned");
		this.archive.pin(Pin.of("batch_pinned", "agent_a", "release 2.3", "qa", T0));
		this.clock.advance(Duration.ofDays(31));
		save("job_new1", "batch_b");
		ArchiveRetention retention = new ArchiveRetention(
				new Archiving(this.archive, new ArchiveStatus(this.clock), this.clock),
				new ArchiveSettings(Duration.ofDays(30), Duration.ofHours(1), Archiving.READ_LIMIT), this.clock);

		assertThat(retention.apply().runs()).isEqualTo(1);

		assertThat(this.archive.findRun("job_old1")).isEmpty();
		assertThat(this.archive.findRun("job_pinned")).isPresent();
		assertThat(this.archive.findRun("job_new1")).isPresent();
	}

	@Test
	void settingsWhenRetentionNotPositiveThenRefusedWithTheSettingsName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ArchiveSettings(Duration.ZERO, Duration.ofHours(1), Archiving.READ_LIMIT))
			.withMessageContaining("simboard.archive.retention");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ArchiveSettings(null, Duration.ZERO, Archiving.READ_LIMIT))
			.withMessageContaining("simboard.archive.cleanup-every");
	}

	private void save(String jobId, String batchId) {
		this.archive.saveRun(
				new ArchivedRun(jobId, "agent_a", batchId, null, "tc_1", "Refund", Verdict.PASSED, this.clock.instant(),
						this.clock.instant(), this.clock.instant(), "{\"jobId\":\"" + jobId + "\"}", null),
				List.of());
	}

}
