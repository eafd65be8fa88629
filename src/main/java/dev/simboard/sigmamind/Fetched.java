package dev.simboard.sigmamind;

/**
 * A value of Simboard's model with the JSON SigmaMind sent for it, so the archive can
 * keep SigmaMind's own words and read them again with {@link SigmaMindJson}.
 *
 * @param <T> the model type
 * @param value the value
 * @param json SigmaMind's JSON for it, as it came
 */
public record Fetched<T>(T value, String json) {

}
