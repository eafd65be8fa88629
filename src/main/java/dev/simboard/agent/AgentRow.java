package dev.simboard.agent;

/**
 * An agent in the list.
 *
 * @param id the agent ID
 * @param name its name, or its ID when it has none
 * @param status its status as SigmaMind says it, or empty
 */
record AgentRow(String id, String name, String status) {

}
