package dev.simboard.history;

/**
 * One attempt in a history strip: a small square with the verdict's colour and symbol.
 *
 * @param css the verdict's class: {@code passed}, {@code failed}, {@code running},
 * {@code unjudged}
 * @param symbol ✓, ✗, … or ?
 * @param description what it stands for, for screen readers and tooltips
 * @param href the run page
 */
record Square(String css, String symbol, String description, String href) {

}
