package dev.simboard.admin;

import java.util.List;

import dev.simboard.catalog.CacheFigures;

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
		List<CacheFigures> caches) {

}
