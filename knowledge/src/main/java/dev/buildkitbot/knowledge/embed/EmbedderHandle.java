package dev.buildkitbot.knowledge.embed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The embedding model, loaded off the caller's thread: the Slack app connects and opens its index
 * while the model loads (about a second), instead of after. A model that cannot load (no native
 * library for this platform) leaves search lexical, with one warning.
 */
public final class EmbedderHandle {
    private static final Logger log = LoggerFactory.getLogger(EmbedderHandle.class);
    public static final String NONE = "none";

    private final String id;
    private final CompletableFuture<Optional<Embedder>> loading;

    private EmbedderHandle(String id, CompletableFuture<Optional<Embedder>> loading) {
        this.id = id;
        this.loading = loading;
    }

    /** Meaning search turned off: lexical only. */
    public static EmbedderHandle disabled() {
        return new EmbedderHandle(NONE, CompletableFuture.completedFuture(Optional.empty()));
    }

    /** Starts loading {@code loader}'s model on a daemon thread. */
    public static EmbedderHandle loadInBackground(String id, Supplier<Embedder> loader) {
        CompletableFuture<Optional<Embedder>> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            long start = System.nanoTime();
            try {
                Embedder embedder = loader.get();
                log.info("embedding model {} loaded in {} ms", embedder.id(), (System.nanoTime() - start) / 1_000_000);
                future.complete(Optional.of(embedder));
            } catch (RuntimeException | LinkageError e) {
                log.warn("embedding model {} could not be loaded ({}); search stays lexical", id, e.toString());
                future.complete(Optional.empty());
            }
        }, "embedder-load");
        thread.setDaemon(true);
        thread.start();
        return new EmbedderHandle(id, future);
    }

    /** The configured model's id ({@link #NONE} when off), known before it has loaded. */
    public String id() {
        return id;
    }

    public boolean enabled() {
        return !NONE.equals(id);
    }

    /** The model, waiting for it to load; empty when it is off or failed. */
    public Optional<Embedder> await() {
        return loading.join();
    }
}
