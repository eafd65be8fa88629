package dev.simboard.sigmamind;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One message of a test run's {@code conversation}; here {@code content} is one string.
 *
 * @param role {@code user} (the simulated user) or {@code assistant} (the agent)
 * @param content the text
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ConversationMessage(String role, String content) {

}
