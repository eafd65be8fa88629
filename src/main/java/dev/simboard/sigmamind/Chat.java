package dev.simboard.sigmamind;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A chat session; the older dialect's only source of a run's transcript.
 *
 * @param chatId opaque ID, {@code chat_…} or {@code chat-…}
 * @param status {@code in-progress}, {@code ended} or {@code error}
 * @param createdAt when it started
 * @param transcript the conversation as one text, when given
 * @param messages the messages, listed as {@code messages} or {@code items}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record Chat(String chatId, String status, Instant createdAt, String transcript,
		@JsonAlias("items") List<ChatMessage> messages) {

	public Chat {
		messages = (messages != null) ? List.copyOf(messages) : List.of();
	}

	public boolean ended() {
		return "ended".equalsIgnoreCase(this.status) || "error".equalsIgnoreCase(this.status);
	}

}
