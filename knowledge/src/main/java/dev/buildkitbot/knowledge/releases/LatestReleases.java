package dev.buildkitbot.knowledge.releases;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.buildkitbot.knowledge.io.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The newest release of each repository ({@code moby/buildkit → v0.33.0}): the walkthrough tells a
 * reporter on an older BuildKit to try this one first, as the guide asks. Shipped in the jar as a
 * first-run default (see the NOTICE), replaced per repository by what {@link ReleaseSync} finds,
 * kept in {@code data/sync/releases.json}.
 */
public final class LatestReleases {
    static final String RESOURCE = "/dev/buildkitbot/knowledge/shipped/releases.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** One repository's newest release, when it was seen, and the ETag of the answer that said so. */
    public record Release(String tag, String seenAt, String etag) {
    }

    private record Stored(Map<String, Release> releases) {
    }

    private final Path file;
    private final Map<String, Release> shipped;
    private volatile Map<String, Release> synced;

    private LatestReleases(Path file, Map<String, Release> shipped, Map<String, Release> synced) {
        this.file = file;
        this.shipped = Map.copyOf(shipped);
        this.synced = Map.copyOf(synced);
    }

    /** The shipped defaults with what the last syncs stored in {@code syncDir} over them. */
    public static LatestReleases load(Path syncDir) {
        Path file = syncDir.resolve("releases.json");
        Map<String, Release> synced = Map.of();
        if (Files.exists(file)) {
            try {
                Stored stored = MAPPER.readValue(file.toFile(), Stored.class);
                synced = stored.releases() == null ? Map.of() : stored.releases();
            } catch (IOException e) {
                synced = Map.of(); // a damaged file costs one request per repository, nothing else
            }
        }
        return new LatestReleases(file, shipped(), synced);
    }

    private static Map<String, Release> shipped() {
        try (InputStream in = LatestReleases.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Map.of();
            }
            Stored stored = MAPPER.readValue(in, Stored.class);
            return stored.releases() == null ? Map.of() : stored.releases();
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped release list is unreadable", e);
        }
    }

    public Optional<Release> latest(String repo) {
        Release r = synced.get(repo);
        return Optional.ofNullable(r != null ? r : shipped.get(repo));
    }

    /** The tag, e.g. {@code v0.33.0}. */
    public Optional<String> tag(String repo) {
        return latest(repo).map(Release::tag);
    }

    synchronized void store(String repo, Release release) {
        Map<String, Release> next = new TreeMap<>(synced);
        next.put(repo, release);
        try {
            AtomicFiles.write(file, MAPPER.writeValueAsBytes(new Stored(next)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + file + ": " + e.getMessage(), e);
        }
        synced = Map.copyOf(next);
    }

    /** The ETag of the last answer for {@code repo}, so an unchanged release costs nothing. */
    String etag(String repo) {
        Release r = synced.get(repo);
        return r == null ? null : r.etag();
    }
}
