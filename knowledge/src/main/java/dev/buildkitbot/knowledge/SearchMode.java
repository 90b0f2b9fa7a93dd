package dev.buildkitbot.knowledge;

/** How a search ranks: by words alone, or by words and meaning together. */
public enum SearchMode {
    /** BM25, error signatures and title cover: what the bot did before it had a model. */
    LEXICAL,
    /** Lexical fused with the embedding model's nearest neighbours; lexical when no model is loaded. */
    HYBRID
}
