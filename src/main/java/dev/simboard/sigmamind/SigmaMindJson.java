package dev.simboard.sigmamind;

import dev.simboard.model.Batch;
import dev.simboard.model.Chat;
import dev.simboard.model.Run;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads SigmaMind's JSON into Simboard's model, in either dialect: as it arrives from
 * SigmaMind, and again when the archive gives back what it kept. Both go through the same
 * wire records and {@link WireModel}, so an archived run reads as it did when fetched.
 */
public final class SigmaMindJson {

	/** Dates as ISO strings, unknown fields ignored: as the WebClient's own decoder. */
	static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private SigmaMindJson() {
	}

	/** A test run, from its JSON. */
	public static Run run(String json) {
		return WireModel.run(read(json, TestRun.class));
	}

	/** A batch run, from its JSON. */
	public static Batch batch(String json) {
		return WireModel.batch(read(json, BatchRun.class));
	}

	/** A chat, from its JSON. */
	public static Chat chat(String json) {
		return WireModel.chat(read(json, dev.simboard.sigmamind.Chat.class));
	}

	/**
	 * {@code json} as {@code type}.
	 * @throws IllegalArgumentException when it is not JSON of that shape
	 */
	static <T> T read(String json, Class<T> type) {
		try {
			T value = MAPPER.readValue(json, type);
			if (value == null) {
				throw new IllegalArgumentException("JSON null where " + type.getSimpleName() + " was expected");
			}
			return value;
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("not the JSON of a " + type.getSimpleName(), ex);
		}
	}

}
