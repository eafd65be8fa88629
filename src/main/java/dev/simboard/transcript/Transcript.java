package dev.simboard.transcript;

import java.util.ArrayList;
import java.util.List;

import dev.simboard.sigmamind.Chat;
import dev.simboard.sigmamind.ChatMessage;
import dev.simboard.sigmamind.ConversationMessage;

/**
 * A run's conversation as numbered turns, and where it came from.
 *
 * @param turns the turns in order
 * @param source where the turns came from
 */
public record Transcript(List<Turn> turns, Source source) {

	public Transcript {
		turns = List.copyOf(turns);
	}

	/** Where a transcript came from. */
	public enum Source {

		/** The run's own {@code conversation}. */
		CONVERSATION,
		/** The chat session, for runs in the older dialect. */
		CHAT,
		/** Neither had one. */
		NONE

	}

	public static Transcript none() {
		return new Transcript(List.of(), Source.NONE);
	}

	/** From a test run's {@code conversation}, where content is one string. */
	public static Transcript fromConversation(List<ConversationMessage> conversation) {
		List<Turn> turns = new ArrayList<>(conversation.size());
		for (ConversationMessage message : conversation) {
			turns.add(new Turn(turns.size() + 1, Speaker.of(message.role()), message.role(), "message",
					(message.content() != null) ? message.content() : ""));
		}
		return new Transcript(turns, Source.CONVERSATION);
	}

	/** From a chat session, where content is an array and other item types may appear. */
	public static Transcript fromChat(Chat chat) {
		List<Turn> turns = new ArrayList<>(chat.messages().size());
		for (ChatMessage message : chat.messages()) {
			String type = (message.type() != null) ? message.type() : "message";
			turns.add(new Turn(turns.size() + 1, Speaker.of(message.role()), message.role(), type, message.text()));
		}
		return new Transcript(turns, Source.CHAT);
	}

}
