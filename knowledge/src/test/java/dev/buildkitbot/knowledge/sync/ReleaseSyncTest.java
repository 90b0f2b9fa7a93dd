package dev.buildkitbot.knowledge.sync;

import dev.buildkitbot.knowledge.releases.LatestReleases;
import dev.buildkitbot.knowledge.releases.ReleaseSync;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The latest release of each repository: shipped default, replaced by GitHub's answer, kept across restarts. */
class ReleaseSyncTest {
    @TempDir
    Path sync;

    final Clock clock = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void theShippedDefaultIsReplacedByGitHubsLatestReleaseAndItsEtagIsReused() throws Exception {
        LatestReleases releases = LatestReleases.load(sync);
        assertThat(releases.tag("moby/buildkit")).contains("v0.33.0");
        try (FakeGitHub github = new FakeGitHub()) {
            github.handler = r -> r.path().equals("/repos/moby/buildkit/releases/latest")
                    ? (r.header("If-None-Match") != null ? new FakeGitHub.Response(304, "", Map.of())
                    : FakeGitHub.Response.ok("{\"tag_name\":\"v0.34.1\",\"name\":\"v0.34.1\"}", Map.of("ETag", "\"r1\"")))
                    : new FakeGitHub.Response(404, "{}", Map.of());
            ReleaseSync releaseSync = new ReleaseSync(new GitHubClient(github.base(), null), releases, clock);

            assertThat(releaseSync.sync("moby/buildkit")).isEqualTo("moby/buildkit: latest release v0.34.1");
            assertThat(releases.tag("moby/buildkit")).contains("v0.34.1");
            // A restart reads what the sync stored; the next request sends the ETag and a 304 changes nothing.
            LatestReleases reloaded = LatestReleases.load(sync);
            assertThat(reloaded.tag("moby/buildkit")).contains("v0.34.1");
            assertThat(new ReleaseSync(new GitHubClient(github.base(), null), reloaded, clock).sync("moby/buildkit")).contains("unchanged");
            assertThat(github.requests.get(1).header("If-None-Match")).isEqualTo("\"r1\"");
            assertThat(releaseSync.sync("someone/norelease")).isEqualTo("someone/norelease: no release published");
        }
    }

    @Test
    void errorsKeepTheKnownRelease() throws Exception {
        LatestReleases releases = LatestReleases.load(sync);
        try (FakeGitHub github = new FakeGitHub()) {
            ReleaseSync releaseSync = new ReleaseSync(new GitHubClient(github.base(), null), releases, clock);
            github.handler = r -> new FakeGitHub.Response(500, "oops", Map.of());
            assertThatThrownBy(() -> releaseSync.sync("moby/buildkit")).isInstanceOf(SyncException.class).hasMessageContaining("500");
            github.handler = r -> FakeGitHub.Response.ok("{\"tag_name\": 42}", Map.of());
            assertThatThrownBy(() -> releaseSync.sync("moby/buildkit")).isInstanceOf(SyncException.class).hasMessageContaining("tag_name");
            github.handler = r -> FakeGitHub.Response.ok("not json", Map.of());
            assertThatThrownBy(() -> releaseSync.sync("moby/buildkit")).isInstanceOf(SyncException.class);
        }
        assertThat(releases.tag("moby/buildkit")).contains("v0.33.0");
    }
}
