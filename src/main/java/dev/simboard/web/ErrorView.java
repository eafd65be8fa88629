package dev.simboard.web;

/**
 * What an error page says: what happened and what to do about it.
 *
 * @param status the HTTP status
 * @param title a short headline
 * @param detail what happened
 * @param hint what to do next
 */
public record ErrorView(int status, String title, String detail, String hint) {

}
