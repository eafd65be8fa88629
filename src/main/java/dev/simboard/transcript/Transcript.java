package dev.simboard.transcript;

import java.util.ArrayList;
import java.util.List;

import dev.simboard.model.Conversation;
import dev.simboard.model.Conversation.Source;
import dev.simboard.model.Message;

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

	public static Transcript none() {
		return of(Conversation.NONE);
	}

	/**
	 * A conversation, whichever dialect it came in, as turns numbered from 1. Every
	 * message is kept, tool calls and other types included.
	 */
	public static Transcript of(Conversation conversation) {
		List<Turn> turns = new ArrayList<>(conversation.messages().size());
		for (Message message : conversation.messages()) {
			turns.add(new Turn(turns.size() + 1, Speaker.of(message.role()), message.role(), message.type(),
					message.text()));
		}
		return new Transcript(turns, conversation.source());
	}

}
