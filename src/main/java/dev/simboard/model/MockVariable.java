package dev.simboard.model;

/**
 * A variable the simulated user is given, such as a customer name.
 *
 * @param name the variable's name, or {@code null}
 * @param value its value as text, or {@code null}
 */
public record MockVariable(String name, String value) {

}
