package dev.simboard.transcript;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import dev.simboard.sigmamind.Chat;
import dev.simboard.sigmamind.ChatMessage;
import dev.simboard.sigmamind.ConversationMessage;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptTests {

	private static final JsonNodeFactory json = JsonNodeFactory.instance;

	@Test
	void fromConversationWhenUserAndAssistantThenNumbersTurnsFromOneWithAnchors() {
		Transcript transcript = Transcript.fromConversation(List.of(new ConversationMessage("user", "Hi"),
				new ConversationMessage("assistant", "Hello"), new ConversationMessage("user", null)));
		assertThat(transcript.source()).isEqualTo(Transcript.Source.CONVERSATION);
		assertThat(transcript.turns()).extracting(Turn::anchor).containsExactly("m1", "m2", "m3");
		assertThat(transcript.turns()).extracting(Turn::speaker)
			.containsExactly(Speaker.USER, Speaker.AGENT, Speaker.USER);
		assertThat(transcript.turns().get(2).text()).isEmpty();
	}

	@Test
	void fromChatWhenContentIsArrayThenJoinsLinesAndKeepsToolCalls() {
		Chat chat = new Chat("chat_1", "ended", null, null,
				List.of(new ChatMessage("i1", "assistant", "message",
						json.arrayNode().add("Hello!").add("How can I help?")),
						new ChatMessage("i2", "assistant", "tool_call", json.objectNode().put("name", "lookup_order")),
						new ChatMessage("i3", "system", null, json.stringNode("Call transferred"))));
		Transcript transcript = Transcript.fromChat(chat);
		assertThat(transcript.source()).isEqualTo(Transcript.Source.CHAT);
		assertThat(transcript.turns()).hasSize(3);
		assertThat(transcript.turns().get(0).text()).isEqualTo("Hello!\nHow can I help?");
		assertThat(transcript.turns().get(1).message()).isFalse();
		assertThat(transcript.turns().get(1).text()).contains("lookup_order");
		assertThat(transcript.turns().get(2).speaker()).isEqualTo(Speaker.OTHER);
		assertThat(transcript.turns().get(2).text()).isEqualTo("Call transferred");
	}

	@Test
	void speakerWhenRoleUnknownOrMissingThenOther() {
		assertThat(Speaker.of(null)).isEqualTo(Speaker.OTHER);
		assertThat(Speaker.of("tool")).isEqualTo(Speaker.OTHER);
		assertThat(Speaker.of(" Assistant ")).isEqualTo(Speaker.AGENT);
	}

}
