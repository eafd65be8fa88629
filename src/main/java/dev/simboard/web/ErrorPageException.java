package dev.simboard.web;

/**
 * A request refused with a page of its own words: what happened and what to do. The error
 * page shows them, with one WARN line.
 */
public class ErrorPageException extends RuntimeException {

	private final ErrorView view;

	public ErrorPageException(ErrorView view) {
		this(view, null);
	}

	/**
	 * @param cause what went wrong underneath, for the log line (never the page)
	 */
	public ErrorPageException(ErrorView view, Throwable cause) {
		super(view.title() + ": " + view.detail() + ((cause != null) ? " (" + cause + ")" : ""));
		this.view = view;
	}

	public ErrorView view() {
		return this.view;
	}

}
