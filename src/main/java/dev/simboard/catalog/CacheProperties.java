package dev.simboard.catalog;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How long the catalog keeps what SigmaMind said, and how it renews it.
 *
 * @param listTtl how long lists of agents and batch runs stay fresh
 * @param runningTtl how long a running batch, its runs, or a running run stay fresh
 * @param maxStaleness how long data SigmaMind fails to renew may still be shown
 * @param finishedWeight bound on the memory that finished runs, their chats, run lists
 * (with the orders and figures batch pages work out from them) and their rendered run
 * pages may take; they never change, so only this bound evicts them
 * @param manualRefreshInterval how often one resource may be refreshed by hand
 */
@Validated
@ConfigurationProperties("simboard.cache")
public record CacheProperties(@NotNull @DurationMin(millis = 1) @DefaultValue("60s") Duration listTtl,
		@NotNull @DurationMin(millis = 1) @DefaultValue("10s") Duration runningTtl,
		@NotNull @DurationMin(millis = 1) @DefaultValue("24h") Duration maxStaleness,
		@NotNull @DefaultValue("256MB") DataSize finishedWeight,
		@NotNull @DurationMin(millis = 1) @DefaultValue("10s") Duration manualRefreshInterval) {

	public CacheProperties {
		// A bound this small would evict every run at once; say so at start-up instead.
		if (finishedWeight != null && finishedWeight.toBytes() < 1024 * 1024) {
			throw new IllegalArgumentException("simboard.cache.finished-weight must be at least 1MB");
		}
	}

	/**
	 * The share of {@link #finishedWeight()} for rendered run pages, kept whole per user
	 * and batch view around a body kept once per run: an eighth.
	 */
	public DataSize renderedWeight() {
		return DataSize.ofBytes(this.finishedWeight.toBytes() / 8);
	}

	/**
	 * The share of {@link #finishedWeight()} for what batch pages work out from run lists
	 * (each list's runs sorted in each order asked, and its figures), taken from the run
	 * lists' quarter: a sixty-fourth. A sorted order costs a reference per run, and the
	 * run list two kilobytes or more per run, so this holds all eight orders of the large
	 * lists that quarter can hold.
	 */
	public DataSize viewsWeight() {
		return DataSize.ofBytes(this.finishedWeight.toBytes() / 64);
	}

}
