package dev.buildkitbot.knowledge.sync;

import dev.buildkitbot.knowledge.io.AtomicFiles;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each repository's issue sync stopped: the last {@code updated_at} seen (the next sync asks
 * for {@code since} it) and the ETag of the last complete answer (a 304 then costs nothing).
 * Persisted in {@code data/sync/state.json}, replaced atomically.
 */
public final class SyncState {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public record Cursor(String since, String etag) {
        public static final Cursor NONE = new Cursor(null, null);
    }

    private record Stored(Map<String, Cursor> repos) {
    }

    private final Path file;
    private final Map<String, Cursor> repos;

    private SyncState(Path file, Map<String, Cursor> repos) {
        this.file = file;
        this.repos = repos;
    }

    public static SyncState load(Path dir) {
        Path file = dir.resolve("state.json");
        if (!Files.exists(file)) {
            return new SyncState(file, new TreeMap<>());
        }
        try {
            Stored stored = MAPPER.readValue(file.toFile(), Stored.class);
            return new SyncState(file, new TreeMap<>(stored.repos() == null ? Map.of() : stored.repos()));
        } catch (IOException e) {
            // A damaged cursor only costs a full re-sync, never the issues already stored.
            return new SyncState(file, new TreeMap<>());
        }
    }

    public synchronized Cursor cursor(String repo) {
        return repos.getOrDefault(repo, Cursor.NONE);
    }

    public synchronized void update(String repo, Cursor cursor) {
        repos.put(repo, cursor);
        try {
            AtomicFiles.write(file, MAPPER.writeValueAsBytes(new Stored(new TreeMap<>(repos))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the sync state in " + file + ": " + e.getMessage(), e);
        }
    }
}
