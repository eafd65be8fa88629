package dev.simboard.sigmamind;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An agent as SigmaMind names it: {@code name} inside other objects, {@code agentName}
 * from {@code GET /v1/agents/{agentId}}.
 *
 * @param agentId opaque ID, often {@code agent_…}
 * @param name display name
 * @param status a free string such as {@code Live}, {@code Testing} or {@code active}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record Agent(String agentId, @JsonAlias("agentName") String name, String status) {

}
