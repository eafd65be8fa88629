package dev.simboard.archive;

/**
 * A finished run's page body as a build of Simboard rendered it, kept beside the run.
 *
 * @param renderer which build and context path rendered it
 * @param html the markup
 * @param seal the HMAC that vouches Simboard rendered it (checked by the reader, not
 * here)
 */
public record RenderedBody(String renderer, String html, String seal) {

}
