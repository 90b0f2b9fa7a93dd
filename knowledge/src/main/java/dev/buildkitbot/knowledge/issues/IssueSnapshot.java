package dev.buildkitbot.knowledge.issues;

import dev.buildkitbot.knowledge.io.AtomicFiles;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every issue the bot has imported or synced, one JSON Lines file per repository under
 * {@code data/issues/}. It is the source the index is rebuilt from, so each write replaces a file
 * atomically (temp file + rename): a crash leaves the old file or the new one, never half of one.
 */
public final class IssueSnapshot {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Per repository, up to when its issues are known (newest update seen, or the last sync). */
    private record Meta(Map<String, String> asOf) {
    }

    private final Path dir;
    private volatile Map<String, String> asOf;

    public IssueSnapshot(Path dir) {
        this.dir = dir;
        this.asOf = readMeta(dir.resolve(META));
    }

    private static final String META = "meta.json";

    private static Map<String, String> readMeta(Path file) {
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            Meta meta = MAPPER.readValue(file.toFile(), Meta.class);
            return meta.asOf() == null ? Map.of() : Map.copyOf(meta.asOf());
        } catch (IOException e) {
            return Map.of(); // only the freshness line is lost; the issues are in their own files
        }
    }

    /** True when no issue has been imported, synced or seeded here. */
    public boolean isEmpty() {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.jsonl")) {
            return !files.iterator().hasNext();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the issue snapshot in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Per repository, the date its issues are known up to: {@code moby/buildkit → 2026-09-21}. */
    public Map<String, String> asOf() {
        return asOf;
    }

    /** "moby/buildkit as of 2026-09-21, docker/buildx as of 2026-12-04": how fresh the issues are. */
    public String freshness() {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(asOf).forEach((repo, when) -> sb.append(sb.isEmpty() ? "" : ", ").append(repo)
                .append(" as of ").append(when.length() >= 10 ? when.substring(0, 10) : when));
        return sb.isEmpty() ? "no issues yet" : sb.toString();
    }

    /** Records that {@code repo}'s issues are known up to {@code when} (a sync that just ran, a shipped snapshot's date). */
    public synchronized void knownUpTo(String repo, Instant when) {
        Map<String, String> next = new TreeMap<>(asOf);
        next.merge(repo, when.toString(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        try {
            AtomicFiles.write(dir.resolve(META), MAPPER.writeValueAsBytes(new Meta(next)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the issue snapshot in " + dir + ": " + e.getMessage(), e);
        }
        asOf = Map.copyOf(next);
    }

    public static IssueRecord fromJson(String line) throws IOException {
        return MAPPER.readValue(line, IssueRecord.class);
    }

    public static byte[] toJson(IssueRecord issue) throws IOException {
        return MAPPER.writeValueAsBytes(issue);
    }

    /** All stored issues of all repositories. */
    public List<IssueRecord> all() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.jsonl")) {
            List<IssueRecord> out = new java.util.ArrayList<>();
            for (Path file : files) {
                out.addAll(read(file).values());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the issue snapshot in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Adds or replaces issues (same repo and number = same issue), one atomic write per repository. */
    public void upsert(Collection<IssueRecord> issues) {
        Map<String, List<IssueRecord>> byRepo = issues.stream()
                .collect(Collectors.groupingBy(IssueRecord::repo, LinkedHashMap::new, Collectors.toList()));
        try {
            Files.createDirectories(dir);
            for (var entry : byRepo.entrySet()) {
                Path file = fileOf(entry.getKey());
                Map<Integer, IssueRecord> current = Files.exists(file) ? read(file) : new TreeMap<>();
                entry.getValue().forEach(issue -> current.put(issue.number(), issue));
                write(file, current.values());
                entry.getValue().stream().map(IssueRecord::updatedAt).filter(java.util.Objects::nonNull)
                        .max(Instant::compareTo).ifPresent(newest -> knownUpTo(entry.getKey(), newest));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the issue snapshot in " + dir + ": " + e.getMessage(), e);
        }
    }

    private Path fileOf(String repo) {
        return dir.resolve(repo.replace('/', '_').replaceAll("[^A-Za-z0-9._-]", "-") + ".jsonl");
    }

    private static Map<Integer, IssueRecord> read(Path file) throws IOException {
        Map<Integer, IssueRecord> issues = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                IssueRecord issue = MAPPER.readValue(line, IssueRecord.class);
                issues.put(issue.number(), issue);
            }
        }
        return issues;
    }

    private static void write(Path file, Collection<IssueRecord> issues) throws IOException {
        AtomicFiles.write(file, out -> {
            for (IssueRecord issue : issues.stream().sorted(Comparator.comparingInt(IssueRecord::number)).toList()) {
                out.write(MAPPER.writeValueAsBytes(issue));
                out.write('\n');
            }
        });
    }
}
