package dev.simboard.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/**
 * The forms of a page that post, written together at the end of its body: the sign-out
 * form for a signed-in user, then the page's own ({@link #ATTRIBUTE}). Every page writes
 * them with this class, whether it is rendered for one request or kept and sent again
 * with each request's token, so the two cannot differ.
 */
public final class PostForms {

	/** The model attribute that holds a page's own {@link PostForm}s. */
	public static final String ATTRIBUTE = "postForms";

	/**
	 * The request attribute that, when it holds a {@link Deferred}, has
	 * {@code <sb:post-forms/>} leave its forms there rather than write them: a page
	 * rendered to be kept is rendered without any CSRF token, and its forms are written
	 * as it is sent.
	 */
	public static final String DEFERRED = PostForms.class.getName() + ".deferred";

	private PostForms() {
	}

	/** The forms a page writes: sign-out when someone is signed in, then its own. */
	static List<PostForm> of(boolean signedIn, Object pageForms) {
		List<PostForm> forms = new ArrayList<>();
		if (signedIn) {
			forms.add(new PostForm(PostForm.SIGN_OUT, "/logout"));
		}
		if (pageForms instanceof List<?> list) {
			for (Object form : list) {
				if (form instanceof PostForm postForm) {
					forms.add(postForm);
				}
			}
		}
		return List.copyOf(forms);
	}

	/**
	 * The markup of {@code forms}, each with {@code token} in a hidden field.
	 * @param contextPath what the forms' actions start with
	 * @param forms the forms
	 * @param token the request's CSRF token, or {@code null} where the request has none
	 * (then the forms go without, and the server will refuse them)
	 * @return the markup, empty for no forms
	 */
	public static String html(String contextPath, List<PostForm> forms, CsrfToken token) {
		if (forms.isEmpty()) {
			return "";
		}
		String hidden = (token != null)
				? "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(token.getParameterName()) + "\" value=\""
						+ HtmlUtils.htmlEscape(token.getToken()) + "\">"
				: "";
		StringBuilder html = new StringBuilder(160 * forms.size());
		for (PostForm form : forms) {
			html.append("<form id=\"")
				.append(HtmlUtils.htmlEscape(form.id()))
				.append("\" method=\"post\" action=\"")
				.append(HtmlUtils.htmlEscape(contextPath + form.action()))
				.append("\" hidden>")
				.append(hidden)
				.append("</form>\n");
		}
		return html.toString();
	}

	/** Where a page rendered to be kept leaves its forms. */
	public static final class Deferred {

		private List<PostForm> forms = List.of();

		/** The forms the page would have written; none until it is rendered. */
		public List<PostForm> forms() {
			return this.forms;
		}

		void set(List<PostForm> forms) {
			this.forms = forms;
		}

	}

}
