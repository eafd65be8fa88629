package dev.simboard.model;

import java.util.List;

/**
 * A run's conversation and where it came from: the run itself (the newer dialect), its
 * chat session (the older one, which the catalog fetches), or neither.
 *
 * @param source where the messages came from
 * @param messages the messages in order
 */
public record Conversation(Source source, List<Message> messages) {

	/** No conversation: a run without one of its own, before its chat is read. */
	public static final Conversation NONE = new Conversation(Source.NONE, List.of());

	public Conversation {
		messages = List.copyOf(messages);
	}

	/** Where a conversation came from. */
	public enum Source {

		/** The run's own {@code conversation}. */
		RUN,
		/** The run's chat session, for runs in the older dialect. */
		CHAT,
		/** Neither had one. */
		NONE

	}

}
