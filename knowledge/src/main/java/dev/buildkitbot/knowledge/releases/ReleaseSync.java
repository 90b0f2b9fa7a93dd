package dev.buildkitbot.knowledge.releases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildkitbot.knowledge.sync.GitHubClient;
import dev.buildkitbot.knowledge.sync.SyncException;

import java.io.IOException;
import java.time.Clock;

/** Asks GitHub for a repository's latest release ({@code GET /repos/{o}/{r}/releases/latest}), with the last ETag. */
public final class ReleaseSync {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final GitHubClient client;
    private final LatestReleases releases;
    private final Clock clock;

    public ReleaseSync(GitHubClient client, LatestReleases releases, Clock clock) {
        this.client = client;
        this.releases = releases;
        this.clock = clock;
    }

    /** @return a line saying what was found, e.g. "moby/buildkit: latest release v0.33.0" */
    public String sync(String repo) throws SyncException, InterruptedException {
        GitHubClient.Page page;
        try {
            page = client.get(client.resolve("repos/" + repo + "/releases/latest"), releases.etag(repo));
        } catch (IOException e) {
            throw new SyncException("GitHub is unreachable (" + e.getClass().getSimpleName() + "); keeping the known release of " + repo);
        }
        if (page.notModified()) {
            return repo + ": latest release " + releases.tag(repo).orElse("?") + " (unchanged)";
        }
        if (page.status() == 404) {
            return repo + ": no release published";
        }
        if (page.status() != 200) {
            throw new SyncException("GitHub answered " + page.status() + " for the latest release of " + repo + "; keeping the known one");
        }
        String tag;
        try {
            JsonNode node = MAPPER.readTree(page.body());
            tag = node == null ? "" : node.path("tag_name").asText("");
        } catch (IOException e) {
            tag = "";
        }
        if (!tag.matches("v?\\d+\\.\\d+\\.\\d+[\\w.+-]*")) {
            throw new SyncException("GitHub sent no usable tag_name for the latest release of " + repo);
        }
        releases.store(repo, new LatestReleases.Release(tag, clock.instant().toString(), page.etag()));
        return repo + ": latest release " + tag;
    }
}
