package dev.buildkitbot.knowledge.sync;

import dev.buildkitbot.knowledge.Knowledge;
import dev.buildkitbot.knowledge.issues.IssueRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IssueSyncTest {
    static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");

    @TempDir
    Path data;
    FakeGitHub github;
    Knowledge knowledge;
    final List<Duration> slept = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        github = new FakeGitHub();
        knowledge = Knowledge.open(data, Knowledge.Options.defaults().withoutShippedIssues());
    }

    @AfterEach
    void stop() {
        knowledge.close();
        github.close();
    }

    IssueSync sync(String token) {
        return new IssueSync(new GitHubClient(github.base(), token), knowledge, SyncState.load(data.resolve("sync")),
                Duration.ofSeconds(30), slept::add, Clock.fixed(NOW, ZoneOffset.UTC), 100);
    }

    static String issue(int number, String title, String updated, boolean pr) {
        return "{\"number\":" + number + ",\"title\":\"" + title + "\",\"state\":\"open\",\"body\":\"\","
                + "\"html_url\":\"https://github.com/moby/buildkit/issues/" + number + "\",\"updated_at\":\"" + updated + "\""
                + (pr ? ",\"pull_request\":{}" : "") + "}";
    }

    FakeGitHub.Response page(int n, String body) {
        String next = n < 3 ? "<" + github.base() + "repos/moby/buildkit/issues?page=" + (n + 1) + ">; rel=\"next\", " : "";
        return FakeGitHub.Response.ok(body, Map.of("Link", next + "<" + github.base() + "repos/moby/buildkit/issues?page=3>; rel=\"last\"",
                "ETag", "W/\"etag-" + n + "\"", "X-RateLimit-Remaining", "4999"));
    }

    void threePages() {
        github.handler = r -> {
            String q = r.query() == null ? "" : r.query();
            if (q.contains("page=2")) {
                return page(2, "[" + issue(3, "panic in solver", "2024-01-03T00:00:00Z", false) + "," + issue(4, "Fix the panic", "2024-01-04T00:00:00Z", true) + "]");
            }
            if (q.contains("page=3")) {
                return page(3, "[" + issue(5, "build hangs on export", "2024-01-05T00:00:00Z", false) + "]");
            }
            return page(1, "[" + issue(1, "cache export fails", "2024-01-01T00:00:00Z", false) + "," + issue(2, "rootless overlay error", "2024-01-02T00:00:00Z", false) + "]");
        };
    }

    @Test
    void followsLinkPagesStoresPrsAndRemembersCursorAndEtag() throws Exception {
        threePages();

        IssueSync.Result result = sync("ghp_" + "x".repeat(36)).sync("moby/buildkit");

        assertThat(result.pages()).isEqualTo(3);
        assertThat(result.issues()).isEqualTo(4);
        assertThat(result.pullRequests()).isEqualTo(1);
        assertThat(knowledge.snapshot().all()).extracting(IssueRecord::number).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        FakeGitHub.Request first = github.requests.get(0);
        assertThat(first.path()).isEqualTo("/repos/moby/buildkit/issues");
        assertThat(first.query()).contains("state=all").contains("sort=updated").contains("per_page=100").doesNotContain("since=");
        assertThat(first.header("Authorization")).isEqualTo("Bearer ghp_" + "x".repeat(36));
        assertThat(first.header("Accept")).isEqualTo("application/vnd.github+json");
        SyncState.Cursor cursor = SyncState.load(data.resolve("sync")).cursor("moby/buildkit");
        assertThat(cursor.since()).isEqualTo("2024-01-05T00:00:00Z");
        assertThat(cursor.etag()).isEqualTo("W/\"etag-1\"");
    }

    @Test
    void aSecondSyncAsksSinceTheCursorWithTheEtagAndA304CostsNothing() throws Exception {
        threePages();
        sync(null).sync("moby/buildkit");
        github.requests.clear();
        github.handler = r -> "W/\"etag-1\"".equals(r.header("If-None-Match"))
                ? new FakeGitHub.Response(304, "", Map.of()) : new FakeGitHub.Response(500, "unexpected", Map.of());

        IssueSync.Result result = sync(null).sync("moby/buildkit");

        assertThat(result.notModified()).isTrue();
        assertThat(github.requests).singleElement().satisfies(r -> {
            assertThat(r.query()).contains("since=2024-01-05T00%3A00%3A00Z");
            assertThat(r.header("Authorization")).isNull();
        });
        assertThat(knowledge.snapshot().all()).hasSize(5);
    }

    @Test
    void anIssueChangedSinceTheLastSyncIsUpdatedInPlace() throws Exception {
        threePages();
        sync(null).sync("moby/buildkit");
        github.handler = r -> FakeGitHub.Response.ok("[" + issue(2, "rootless overlay error on kernel 6.8 (retitled)", "2024-02-01T00:00:00Z", false) + "]", Map.of());

        sync(null).sync("moby/buildkit");

        assertThat(knowledge.snapshot().all()).hasSize(5)
                .filteredOn(i -> i.number() == 2).singleElement()
                .extracting(IssueRecord::title).asString().endsWith("(retitled)");
        assertThat(SyncState.load(data.resolve("sync")).cursor("moby/buildkit").since()).isEqualTo("2024-02-01T00:00:00Z");
    }

    @Test
    void aShortRateLimitIsWaitedOutAndALongOneStopsCleanly() throws Exception {
        threePages();
        var pages = github.handler;
        int[] calls = {0};
        github.handler = r -> calls[0]++ == 0
                ? new FakeGitHub.Response(429, "{\"message\":\"slow down\"}", Map.of("Retry-After", "7"))
                : pages.apply(r);

        sync(null).sync("moby/buildkit");
        assertThat(slept).containsExactly(Duration.ofSeconds(7));
        assertThat(knowledge.snapshot().all()).hasSize(5);

        github.handler = r -> new FakeGitHub.Response(403, "{\"message\":\"API rate limit exceeded\"}",
                Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", String.valueOf(NOW.plusSeconds(3600).getEpochSecond())));
        assertThatThrownBy(() -> sync(null).sync("moby/buildkit"))
                .isInstanceOf(SyncException.class).hasMessageContaining("rate limit").hasMessageContaining("GITHUB_TOKEN");
        assertThat(slept).hasSize(1);
        assertThat(knowledge.snapshot().all()).hasSize(5);
    }

    @Test
    void serverErrorsAndGarbageKeepWhatWasThere() throws Exception {
        threePages();
        sync(null).sync("moby/buildkit");
        SyncState.Cursor before = SyncState.load(data.resolve("sync")).cursor("moby/buildkit");

        github.handler = r -> new FakeGitHub.Response(500, "oops", Map.of());
        assertThatThrownBy(() -> sync(null).sync("moby/buildkit")).isInstanceOf(SyncException.class).hasMessageContaining("500");

        github.handler = r -> FakeGitHub.Response.ok("[{\"number\": 9, \"title\": ", Map.of());
        assertThatThrownBy(() -> sync(null).sync("moby/buildkit")).isInstanceOf(SyncException.class).hasMessageContaining("malformed JSON");

        assertThat(knowledge.snapshot().all()).hasSize(5);
        assertThat(SyncState.load(data.resolve("sync")).cursor("moby/buildkit")).isEqualTo(before);
        assertThat(knowledge.similar("build hangs on export", dev.buildkitbot.knowledge.similar.DuplicateFinder.Options.top(1)))
                .extracting(m -> m.number()).containsExactly(5);
    }

    @Test
    void anUnreachableGitHubIsAClearMessage() {
        github.close();
        assertThatThrownBy(() -> sync(null).sync("moby/buildkit")).isInstanceOf(SyncException.class).hasMessageContaining("unreachable");
    }
}
