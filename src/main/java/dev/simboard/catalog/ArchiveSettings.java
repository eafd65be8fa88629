package dev.simboard.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the archive keeps what it holds.
 *
 * @param retention how long an unpinned run or batch is kept after it was archived, or
 * {@code null} (the default) to keep everything; pinned batches are always kept
 * @param cleanupEvery how often the retention is applied
 * @param readLimit how long a page waits for the archive before it asks SigmaMind
 */
@ConfigurationProperties("simboard.archive")
public record ArchiveSettings(Duration retention, @DefaultValue("1h") Duration cleanupEvery,
		@DefaultValue("500ms") Duration readLimit) {

	public ArchiveSettings {
		if (readLimit.isNegative() || readLimit.isZero()) {
			throw new IllegalArgumentException("simboard.archive.read-limit must be a positive duration such as 500ms");
		}
		if (cleanupEvery.isNegative() || cleanupEvery.isZero()) {
			throw new IllegalArgumentException("simboard.archive.cleanup-every must be a positive duration such as 1h");
		}
		if (retention != null && (retention.isNegative() || retention.isZero())) {
			throw new IllegalArgumentException(
					"simboard.archive.retention must be a positive duration such as 90d, or left out to keep everything");
		}
	}

}
