package dev.simboard.transcript;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.simboard.Fixtures;
import dev.simboard.model.Chat;
import dev.simboard.model.Conversation;
import dev.simboard.model.Message;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversations as numbered turns. How each dialect becomes a conversation is the
 * adapter's, and tested there ({@code sigmamind/WireModelTests}).
 */
class TranscriptTests {

	@Test
	void ofWhenRunConversationOfUserAndAssistantThenNumbersTurnsFromOneWithAnchors() {
		Transcript transcript = Transcript.of(Fixtures.conversation(List.of(Fixtures.message("user", "Hi"),
				Fixtures.message("assistant", "Hello"), Fixtures.message("user", null))));
		assertThat(transcript.source()).isEqualTo(Conversation.Source.RUN);
		assertThat(transcript.turns()).extracting(Turn::anchor).containsExactly("m1", "m2", "m3");
		assertThat(transcript.turns()).extracting(Turn::speaker)
			.containsExactly(Speaker.USER, Speaker.AGENT, Speaker.USER);
		assertThat(transcript.turns().get(2).text()).isEmpty();
	}

	@Test
	void ofWhenChatWithToolCallsAndOtherRolesThenKeepsEveryMessage() {
		Chat chat = new Chat("chat_1", true,
				List.of(new Message("assistant", "message", "Hello!\nHow can I help?"),
						new Message("assistant", "tool_call", "{\"name\":\"lookup_order\"}"),
						new Message("system", null, "Call transferred")));
		Transcript transcript = Transcript.of(chat.conversation());
		assertThat(transcript.source()).isEqualTo(Conversation.Source.CHAT);
		assertThat(transcript.turns()).hasSize(3);
		assertThat(transcript.turns().get(0).text()).isEqualTo("Hello!\nHow can I help?");
		assertThat(transcript.turns().get(1).message()).isFalse();
		assertThat(transcript.turns().get(1).text()).contains("lookup_order");
		assertThat(transcript.turns().get(2).message()).isTrue();
		assertThat(transcript.turns().get(2).speaker()).isEqualTo(Speaker.OTHER);
		assertThat(transcript.turns().get(2).text()).isEqualTo("Call transferred");
	}

	@Test
	void noneWhenNoConversationThenNoTurns() {
		assertThat(Transcript.none().turns()).isEmpty();
		assertThat(Transcript.none().source()).isEqualTo(Conversation.Source.NONE);
	}

	@Test
	void speakerWhenRoleUnknownOrMissingThenOther() {
		assertThat(Speaker.of(null)).isEqualTo(Speaker.OTHER);
		assertThat(Speaker.of("tool")).isEqualTo(Speaker.OTHER);
		assertThat(Speaker.of(" Assistant ")).isEqualTo(Speaker.AGENT);
	}

}
