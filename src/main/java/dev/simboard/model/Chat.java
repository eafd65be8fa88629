package dev.simboard.model;

import java.util.List;

/**
 * A chat session: where a run of the older dialect keeps its conversation.
 *
 * @param id opaque ID, {@code chat_…} or {@code chat-…}
 * @param ended whether it is over (ended, or stopped with an error), so it never changes
 * again
 * @param messages its messages in order
 */
public record Chat(String id, boolean ended, List<Message> messages) {

	public Chat {
		messages = List.copyOf(messages);
	}

	/** Its messages as a run's conversation. */
	public Conversation conversation() {
		return new Conversation(Conversation.Source.CHAT, this.messages);
	}

}
