/**
 * Simboard's own model of what SigmaMind reports: agents, batches, test cases, runs with
 * their verdicts and conversations, pages of them, and the rule for IDs. Plain values
 * with no wire quirks left: lists are never {@code null}, counts are numbers, the two
 * dialects are one shape. The {@code sigmamind} adapter makes them; everything else reads
 * them. This package depends on nothing else of Simboard's.
 */
package dev.simboard.model;
