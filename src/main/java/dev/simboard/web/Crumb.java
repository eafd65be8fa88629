package dev.simboard.web;

/**
 * One step of the breadcrumb trail; the last one, the current page, has no link.
 *
 * @param label what the step is called
 * @param href where it leads, or {@code null} for the current page
 */
public record Crumb(String label, String href) {

	public static Crumb here(String label) {
		return new Crumb(label, null);
	}

}
