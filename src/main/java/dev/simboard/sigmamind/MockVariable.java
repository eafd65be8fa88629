package dev.simboard.sigmamind;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A variable the simulated user is given, such as a customer name.
 *
 * @param variableName the variable's name
 * @param value its value, as text
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record MockVariable(String variableName, String value) {

}
