package dev.simboard.archive;

/**
 * A finished run's page body as a build of Simboard rendered it, kept beside the run.
 *
 * @param renderedFrom a digest of what it was rendered from (build, address, content)
 * @param html the markup
 * @param seal the HMAC that vouches Simboard rendered it (checked by the reader, not
 * here)
 */
public record RenderedBody(String renderedFrom, String html, String seal) {

}
