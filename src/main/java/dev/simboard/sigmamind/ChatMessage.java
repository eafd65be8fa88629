package dev.simboard.sigmamind;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

/**
 * One item of a chat. Its {@code content} is documented as an array of strings; tool
 * calls and other types may carry other shapes, which are kept as JSON text rather than
 * dropped.
 *
 * @param id the item's ID
 * @param role {@code user} or {@code assistant}, or another role
 * @param type {@code message}, or another type such as a tool call
 * @param content the content as sent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ChatMessage(String id, String role, String type, JsonNode content) {

	/** The content as readable text: array items one per line, other JSON as is. */
	public String text() {
		if (this.content == null || this.content.isNull() || this.content.isMissingNode()) {
			return "";
		}
		if (this.content.isString()) {
			return this.content.asString();
		}
		if (this.content.isArray()) {
			List<String> parts = new ArrayList<>();
			for (JsonNode part : this.content) {
				parts.add(part.isString() ? part.asString() : part.toString());
			}
			return String.join("\n", parts);
		}
		return this.content.toString();
	}

}
