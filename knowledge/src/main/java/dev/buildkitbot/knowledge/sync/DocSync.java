package dev.buildkitbot.knowledge.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildkitbot.knowledge.source.KnowledgeFile;
import dev.buildkitbot.knowledge.source.KnowledgeFiles;
import dev.buildkitbot.knowledge.source.ShippedKnowledge;
import dev.buildkitbot.knowledge.source.SourceSpec;
import dev.buildkitbot.knowledge.source.SyncedDocs;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refreshes the guide, docs, issue forms and SECURITY.md from GitHub: one request for the
 * repository's tree (a 304 with the last ETag costs nothing), then one per file whose git blob
 * changed. Results are stored under {@code data/knowledge/}; a failure keeps what was there.
 */
public final class DocSync {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public record Result(String repo, boolean notModified, int files, int changed, int removed) {
        @Override
        public String toString() {
            return notModified ? repo + " docs: unchanged (304)"
                    : String.format("%s docs: %d files, %d changed, %d removed", repo, files, changed, removed);
        }
    }

    private final GitHubClient client;
    private final ShippedKnowledge shipped;
    private final SyncedDocs synced;
    private final Clock clock;

    public DocSync(GitHubClient client, ShippedKnowledge shipped, SyncedDocs synced, Clock clock) {
        this.client = client;
        this.shipped = shipped;
        this.synced = synced;
        this.clock = clock;
    }

    public Result sync(SourceSpec spec) throws SyncException, InterruptedException {
        SyncedDocs.RepoState previous = synced.repo(spec.repo());
        URI treeUri = client.resolve("repos/" + spec.repo() + "/git/trees/" + URLEncoder.encode(spec.ref(), StandardCharsets.UTF_8) + "?recursive=1");
        GitHubClient.Page tree = get(spec.repo(), treeUri, previous == null ? null : previous.treeEtag());
        if (tree.notModified()) {
            return new Result(spec.repo(), true, previous.files().size(), 0, 0);
        }
        JsonNode root = parse(spec.repo(), tree.body());
        if (root.path("truncated").asBoolean(false)) {
            throw new SyncException("GitHub truncated the file tree of " + spec.repo() + "; keeping the current docs");
        }
        Map<String, SyncedDocs.Entry> entries = new LinkedHashMap<>();
        Map<String, String> changed = new HashMap<>();
        for (JsonNode node : root.path("tree")) {
            if (!"blob".equals(node.path("type").asText())) {
                continue;
            }
            String path = node.path("path").asText();
            String kind = spec.kindOf(path).orElse(null);
            if (kind == null) {
                continue;
            }
            String sha = node.path("sha").asText();
            String known = knownSha(spec.repo(), path, previous);
            if (sha.equals(known)) {
                boolean stored = previous != null && previous.files().containsKey(path) && previous.files().get(path).stored();
                entries.put(path, new SyncedDocs.Entry(kind, sha, stored));
                continue;
            }
            String content = blob(spec.repo(), sha);
            boolean sameAsShipped = shipped.file(spec.repo(), path).map(f -> f.content().equals(content)).orElse(false);
            if (!sameAsShipped) {
                changed.put(path, content);
            }
            entries.put(path, new SyncedDocs.Entry(kind, sha, !sameAsShipped));
        }
        if (entries.values().stream().noneMatch(e -> "guide".equals(e.kind()))
                && spec.files().stream().anyMatch(r -> "guide".equals(r.kind()))) {
            throw new SyncException("the issue reporting guide is missing from " + spec.repo() + "; keeping the current docs");
        }
        int removed = previous == null ? countShipped(spec.repo(), entries) : (int) previous.files().keySet().stream().filter(p -> !entries.containsKey(p)).count();
        synced.update(spec.repo(), new SyncedDocs.RepoState(clock.instant().toString(), tree.etag(), entries), changed);
        return new Result(spec.repo(), false, entries.size(), changed.size(), removed);
    }

    private int countShipped(String repo, Map<String, SyncedDocs.Entry> entries) {
        return (int) shipped.files().stream().filter(f -> f.repo().equals(repo) && !entries.containsKey(f.path())).count();
    }

    /** The blob sha of what we hold for a path: from the last refresh, else computed from the shipped copy. */
    private String knownSha(String repo, String path, SyncedDocs.RepoState previous) {
        if (previous != null && previous.files().containsKey(path)) {
            return previous.files().get(path).sha();
        }
        return shipped.file(repo, path).map(KnowledgeFile::content).map(KnowledgeFiles::gitBlobSha).orElse(null);
    }

    private String blob(String repo, String sha) throws SyncException, InterruptedException {
        GitHubClient.Page page = get(repo, client.resolve("repos/" + repo + "/git/blobs/" + sha), null);
        JsonNode node = parse(repo, page.body());
        if (!"base64".equals(node.path("encoding").asText())) {
            throw new SyncException("GitHub sent blob " + sha + " of " + repo + " in an unexpected encoding");
        }
        try {
            return new String(Base64.getMimeDecoder().decode(node.path("content").asText()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SyncException("GitHub sent a malformed blob " + sha + " of " + repo);
        }
    }

    private GitHubClient.Page get(String repo, URI uri, String etag) throws SyncException, InterruptedException {
        GitHubClient.Page page;
        try {
            page = client.get(uri, etag);
        } catch (IOException e) {
            throw new SyncException("GitHub is unreachable (" + e.getClass().getSimpleName() + "); keeping the current docs of " + repo);
        }
        if (page.status() == 200 || page.notModified()) {
            return page;
        }
        if (page.rateLimited()) {
            throw new SyncException("GitHub rate limit reached while refreshing the docs of " + repo + "; keeping the current docs");
        }
        throw new SyncException("GitHub answered " + page.status() + " for the docs of " + repo + "; keeping the current docs");
    }

    private static JsonNode parse(String repo, String body) throws SyncException {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new SyncException("GitHub sent something unexpected for the docs of " + repo);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new SyncException("GitHub sent malformed JSON for the docs of " + repo + "; keeping the current docs");
        }
    }
}
