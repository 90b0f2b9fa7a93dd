package dev.buildkitbot.knowledge.source;

import dev.buildkitbot.knowledge.io.AtomicFiles;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Guide, docs and templates refreshed from GitHub, in {@code data/knowledge/}: a manifest per
 * repository (every path the sources cover, its git blob sha and kind, when it was refreshed, the
 * tree's ETag) and the contents of files that differ from the shipped copy. The manifest is written
 * last and atomically, so a failed refresh leaves the previous state.
 */
public final class SyncedDocs {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public record Entry(String kind, String sha, boolean stored) {
    }

    /** One repository as last refreshed. */
    public record RepoState(String refreshedAt, String treeEtag, Map<String, Entry> files) {
        public RepoState {
            files = files == null ? Map.of() : Map.copyOf(new TreeMap<>(files));
        }
    }

    private record Manifest(Map<String, RepoState> repos) {
    }

    private final Path dir;
    private final Map<String, RepoState> repos;

    private SyncedDocs(Path dir, Map<String, RepoState> repos) {
        this.dir = dir;
        this.repos = repos;
    }

    /** Nothing refreshed: the shipped knowledge as it is. */
    public static SyncedDocs none() {
        return new SyncedDocs(Path.of("."), new TreeMap<>());
    }

    public static SyncedDocs load(Path dir) {
        Path manifest = dir.resolve("manifest.json");
        if (!Files.exists(manifest)) {
            return new SyncedDocs(dir, new TreeMap<>());
        }
        try {
            Manifest m = MAPPER.readValue(manifest.toFile(), Manifest.class);
            return new SyncedDocs(dir, new TreeMap<>(m.repos() == null ? Map.of() : m.repos()));
        } catch (IOException e) {
            // An unreadable manifest means "nothing refreshed": the shipped knowledge still answers.
            return new SyncedDocs(dir, new TreeMap<>());
        }
    }

    public Map<String, RepoState> repos() {
        return Map.copyOf(repos);
    }

    public RepoState repo(String repo) {
        return repos.get(repo);
    }

    public String content(String repo, String path) {
        try {
            return Files.readString(fileOf(repo, path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("refreshed file missing: " + repo + "/" + path, e);
        }
    }

    /** Stores changed contents, then the repository's new state. */
    public synchronized void update(String repo, RepoState state, Map<String, String> changedContents) {
        try {
            for (var e : changedContents.entrySet()) {
                AtomicFiles.write(fileOf(repo, e.getKey()), e.getValue().getBytes(StandardCharsets.UTF_8));
            }
            Map<String, RepoState> next = new TreeMap<>(repos);
            next.put(repo, state);
            AtomicFiles.write(dir.resolve("manifest.json"), MAPPER.writeValueAsBytes(new Manifest(next)));
            repos.put(repo, state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store refreshed knowledge in " + dir + ": " + e.getMessage(), e);
        }
    }

    private Path fileOf(String repo, String path) {
        Path root = dir.resolve("files").resolve(repo.replace('/', '_'));
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("path escapes the knowledge dir: " + path);
        }
        return file;
    }
}
