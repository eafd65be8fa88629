package dev.simboard.catalog;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How long the catalog keeps what SigmaMind said.
 *
 * @param listTtl how long lists of agents and batch runs are kept
 * @param runningTtl how long a running batch, its runs, or a running run are kept
 * @param finishedTtl how long a finished batch, run or chat is kept; it never changes
 * @param finishedWeight bound on the memory that finished runs and chats may take
 */
@Validated
@ConfigurationProperties("simboard.cache")
record CacheProperties(@NotNull @DefaultValue("60s") Duration listTtl,
		@NotNull @DefaultValue("10s") Duration runningTtl, @NotNull @DefaultValue("24h") Duration finishedTtl,
		@NotNull @DefaultValue("256MB") DataSize finishedWeight) {

}
