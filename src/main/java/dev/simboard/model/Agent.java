package dev.simboard.model;

/**
 * An AI agent under test.
 *
 * @param id opaque ID, often {@code agent_…}
 * @param name display name; its ID when SigmaMind gives none
 * @param status a free text such as {@code Live}, {@code Testing} or {@code active};
 * empty when not given
 */
public record Agent(String id, String name, String status) {

}
