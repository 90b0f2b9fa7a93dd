package dev.buildkitbot.knowledge.embed;

import java.util.List;

/**
 * Turns text into a vector whose direction carries its meaning, so two texts that say the same thing
 * in different words end up close. The model is a choice made in one place ({@link EmbedderHandle});
 * everything else sees this interface.
 */
public interface Embedder {
    /** Names the model: vectors made by different models are never compared. */
    String id();

    int dimension();

    /** One unit-length vector per text, in order. Blank texts get a vector too. */
    List<float[]> embed(List<String> texts);

    default float[] embed(String text) {
        return embed(List.of(text)).get(0);
    }

    /** A search query: some models are trained to read queries with an instruction before them. */
    default float[] embedQuery(String text) {
        return embed(text);
    }
}
