package dev.simboard.catalog;

/**
 * One cache's figures.
 *
 * @param name the resource kind
 * @param size entries held
 * @param hits reads answered from the cache
 * @param misses reads that had to load
 * @param hitRate hits over all reads
 * @param loadFailures loads that failed
 * @param evictions entries evicted by size, weight or age
 */
public record CacheFigures(String name, long size, long hits, long misses, double hitRate, long loadFailures,
		long evictions) {

}
