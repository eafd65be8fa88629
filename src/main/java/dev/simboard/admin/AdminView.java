package dev.simboard.admin;

import java.util.List;

import dev.simboard.catalog.ArchiveFigures;
import dev.simboard.catalog.CacheFigures;
import dev.simboard.web.Formats;

/**
 * What the admin page shows.
 *
 * @param baseUrl where Simboard reads SigmaMind
 * @param maskedKey the API key's last four characters
 * @param demoMode whether that is the embedded demo API
 * @param probe how a call made just now went
 * @param breaker the circuit breaker's state
 * @param caches each cache's figures
 */
record AdminView(String baseUrl, String maskedKey, boolean demoMode, String probe, String breaker,
		List<CacheFigures> caches, ArchiveFigures archive, String retention) {

	/** The archive's size, as people read it. */
	public String archiveSize() {
		Long bytes = this.archive.sizeBytes();
		return (bytes != null) ? String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0)
				: "not told by the database (in memory)";
	}

	/** When the oldest entry was archived. */
	public String archiveOldest() {
		return (this.archive.oldest() != null) ? Formats.timestamp(this.archive.oldest()) : "none yet";
	}

}
