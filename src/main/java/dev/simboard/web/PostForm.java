package dev.simboard.web;

/**
 * A form that posts to {@code action} and holds nothing but the CSRF token. Its buttons
 * sit where the page needs them and name it by the HTML {@code form} attribute
 * ({@code <button form="refresh-run">}); the form itself is written at the end of the
 * body by {@code <sb:post-forms/>} (see {@link PostForms}), the one place in a page that
 * differs between two requests of the same user.
 *
 * @param id the form's element ID, which its buttons name
 * @param action where it posts, without the context path
 */
public record PostForm(String id, String action) {

	/** The layout's sign-out form, on every signed-in page. */
	public static final String SIGN_OUT = "signout";

}
