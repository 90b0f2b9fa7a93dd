package dev.buildkitbot.knowledge.embed;

import java.util.List;
import java.util.concurrent.CompletableFuture;

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

    /**
     * The start of a text that the model reads in at most {@code maxPieces} word pieces (its time
     * grows with them). Without a tokenizer to count with, the whole text.
     */
    default String head(String text, int maxPieces) {
        return text;
    }

    /** A search query: some models are trained to read queries with an instruction before them. */
    default float[] embedQuery(String text) {
        return embed(text);
    }

    /** {@link #embed(String)}, computed while the caller does something else (here: at once). */
    default CompletableFuture<float[]> embedLater(String text) {
        return CompletableFuture.completedFuture(embed(text));
    }

    /** {@link #embedQuery(String)}, computed while the caller does something else (here: at once). */
    default CompletableFuture<float[]> embedQueryLater(String text) {
        return CompletableFuture.completedFuture(embedQuery(text));
    }

    /** Waits for a vector from {@link #embedLater}; a failure of the model surfaces as itself, not wrapped. */
    static <T> T join(CompletableFuture<T> vector) {
        try {
            return vector.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
