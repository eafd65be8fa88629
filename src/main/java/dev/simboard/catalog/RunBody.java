package dev.simboard.catalog;

/**
 * A finished run's page body as a build of Simboard rendered it, kept with the archived
 * run so that a restarted Simboard need not render it again. The catalog keeps it as it
 * is given; the page that reads it checks the seal.
 *
 * @param renderedFrom a digest of what it was rendered from: the build, the run's address
 * and what the body shows of the run
 * @param html the markup
 * @param seal what vouches that Simboard rendered it
 */
public record RunBody(String renderedFrom, String html, String seal) {

}
