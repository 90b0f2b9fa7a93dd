package dev.buildkitbot.knowledge.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The knowledge in force: the shipped files, replaced repository by repository by what the last
 * refresh from GitHub found (changed files from the data dir, unchanged ones from the jar, removed
 * ones gone), with the date each repository's knowledge is as of.
 */
public record KnowledgeFiles(List<KnowledgeFile> files, Map<String, String> asOf, SectionHints hints, String contentHash) {

    public static KnowledgeFiles of(ShippedKnowledge shipped, SyncedDocs synced) {
        List<KnowledgeFile> files = new ArrayList<>();
        Map<String, String> asOf = new LinkedHashMap<>(shipped.dates());
        for (KnowledgeFile f : shipped.files()) {
            SyncedDocs.RepoState state = synced.repo(f.repo());
            if (state == null) {
                files.add(f);
            }
        }
        for (var repo : synced.repos().entrySet()) {
            SyncedDocs.RepoState state = repo.getValue();
            asOf.put(repo.getKey(), state.refreshedAt());
            state.files().forEach((path, entry) -> {
                String content = entry.stored() ? synced.content(repo.getKey(), path)
                        : shipped.file(repo.getKey(), path).map(KnowledgeFile::content).orElse(null);
                if (content != null) {
                    files.add(new KnowledgeFile(repo.getKey(), path, entry.kind(), content));
                }
            });
        }
        return new KnowledgeFiles(List.copyOf(files), Map.copyOf(asOf), shipped.hints(), hash(files, shipped.hints()));
    }

    /** "moby/buildkit as of 2026-08-21, docker/buildx as of 2026-08-20": how fresh the answers are. */
    public String freshness() {
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(asOf).forEach((repo, when) -> sb.append(sb.isEmpty() ? "" : ", ").append(repo)
                .append(" as of ").append(when.length() >= 10 ? when.substring(0, 10) : when));
        return sb.toString();
    }

    public Optional<KnowledgeFile> file(String repo, String path) {
        return files.stream().filter(f -> f.repo().equals(repo) && f.path().equals(path)).findFirst();
    }

    public List<Section> sections() {
        return ShippedKnowledge.sectionsOf(files);
    }

    /** Git's blob id of a text, to compare with a tree entry without downloading the file. */
    public static String gitBlobSha(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha1.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hash(List<KnowledgeFile> files, SectionHints hints) {
        return ShippedKnowledge.hash(files, hints);
    }
}
