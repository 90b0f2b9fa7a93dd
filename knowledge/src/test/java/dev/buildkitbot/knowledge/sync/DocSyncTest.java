package dev.buildkitbot.knowledge.sync;

import dev.buildkitbot.knowledge.Knowledge;
import dev.buildkitbot.knowledge.source.KnowledgeFile;
import dev.buildkitbot.knowledge.source.KnowledgeFiles;
import dev.buildkitbot.knowledge.source.ShippedKnowledge;
import dev.buildkitbot.knowledge.source.SourceSpec;
import dev.buildkitbot.knowledge.source.SyncedDocs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocSyncTest {
    static final String GUIDE = ".github/issue_reporting_guide.md";
    static final SourceSpec SPEC = new SourceSpec("moby/buildkit", "master", List.of(
            new SourceSpec.Rule(GUIDE, null, "guide"),
            new SourceSpec.Rule(".github/SECURITY.md", null, "security"),
            new SourceSpec.Rule("PROJECT.md", null, "docs"),
            new SourceSpec.Rule(null, ".github/ISSUE_TEMPLATE/*.yml", "template"),
            new SourceSpec.Rule("README.md", null, "docs"),
            new SourceSpec.Rule(null, "docs/*.md", "docs"),
            new SourceSpec.Rule(null, "docs/**/*.md", "docs")));

    @TempDir
    Path data;
    FakeGitHub github;
    Knowledge knowledge;
    final ShippedKnowledge shipped = ShippedKnowledge.load();
    final Map<String, String> blobs = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        github = new FakeGitHub();
        knowledge = Knowledge.open(data);
    }

    @AfterEach
    void stop() {
        knowledge.close();
        github.close();
    }

    DocSync docSync() {
        return new DocSync(new GitHubClient(github.base(), null), shipped, SyncedDocs.load(data.resolve("knowledge")),
                Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC));
    }

    /** The repository's tree: every shipped moby/buildkit file, with {@code overrides} (null content = removed). */
    void serveTree(Map<String, String> overrides) {
        StringBuilder tree = new StringBuilder("{\"sha\":\"t1\",\"truncated\":false,\"tree\":[");
        Map<String, String> files = new HashMap<>();
        for (KnowledgeFile f : shipped.files()) {
            if (f.repo().equals("moby/buildkit")) {
                files.put(f.path(), f.content());
            }
        }
        overrides.forEach((path, content) -> {
            if (content == null) {
                files.remove(path);
            } else {
                files.put(path, content);
            }
        });
        files.put("cmd/buildkitd/main.go", "package main");
        boolean first = true;
        for (var e : files.entrySet()) {
            String sha = KnowledgeFiles.gitBlobSha(e.getValue());
            blobs.put(sha, e.getValue());
            tree.append(first ? "" : ",").append("{\"path\":\"").append(e.getKey()).append("\",\"type\":\"blob\",\"sha\":\"").append(sha).append("\"}");
            first = false;
        }
        tree.append(",{\"path\":\"docs\",\"type\":\"tree\",\"sha\":\"d1\"}]}");
        String body = tree.toString();
        github.handler = r -> {
            if (r.path().equals("/repos/moby/buildkit/git/trees/master")) {
                return "W/\"tree-1\"".equals(r.header("If-None-Match")) ? new FakeGitHub.Response(304, "", Map.of())
                        : FakeGitHub.Response.ok(body, Map.of("ETag", "W/\"tree-1\""));
            }
            if (r.path().startsWith("/repos/moby/buildkit/git/blobs/")) {
                String content = blobs.get(r.path().substring(r.path().lastIndexOf('/') + 1));
                return content == null ? new FakeGitHub.Response(404, "{}", Map.of()) : FakeGitHub.Response.ok("{\"encoding\":\"base64\",\"content\":\""
                        + Base64.getMimeEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)).replace("\r\n", "\\n") + "\"}", Map.of());
            }
            return new FakeGitHub.Response(404, "{}", Map.of());
        };
    }

    @Test
    void fetchesOnlyChangedFilesAndTheIndexPicksThemUpWithoutARestart() throws Exception {
        String guide = shipped.guide().content() + "\n## Reporting frobnicator zymurgy\n\nWhen the frobnicator zymurgy fails, send its zymurgy log.\n";
        Map<String, String> changes = new HashMap<>();
        changes.put(GUIDE, guide);
        changes.put("docs/new-page.md", "# Quokka tuning\n\nHow to tune quokka caches.\n");
        changes.put("docs/windows.md", null);
        serveTree(changes);
        assertThat(knowledge.ask("how do I report a frobnicator zymurgy failure")).isEmpty();

        DocSync.Result result = docSync().sync(SPEC);

        assertThat(result.changed()).isEqualTo(2);
        assertThat(result.removed()).isEqualTo(1);
        assertThat(github.requests.stream().filter(r -> r.path().contains("/git/blobs/")).count()).isEqualTo(2);
        assertThat(knowledge.refreshKnowledge()).isTrue();
        assertThat(knowledge.ask("how do I report a frobnicator zymurgy failure")).first()
                .satisfies(a -> assertThat(a.anchor()).isEqualTo("reporting-frobnicator-zymurgy"));
        assertThat(knowledge.ask("quokka cache tuning")).first().satisfies(a -> assertThat(a.path()).isEqualTo("docs/new-page.md"));
        assertThat(knowledge.ask("experimental windows containers support")).noneMatch(a -> a.path().equals("docs/windows.md"));
        assertThat(knowledge.files().freshness()).contains("moby/buildkit as of 2026-11-28").contains("docker/buildx as of 2026-08-20");

        github.requests.clear();
        DocSync.Result again = docSync().sync(SPEC);
        assertThat(again.notModified()).isTrue();
        assertThat(github.requests).hasSize(1);
        assertThat(knowledge.refreshKnowledge()).isFalse();
    }

    @Test
    void failuresKeepWhatWasThere() throws Exception {
        serveTree(Map.of("docs/new-page.md", "# Quokka tuning\n\nHow to tune quokka caches.\n"));
        docSync().sync(SPEC);
        knowledge.refreshKnowledge();

        github.handler = r -> new FakeGitHub.Response(500, "oops", Map.of());
        assertThatThrownBy(() -> docSync().sync(new SourceSpec("moby/buildkit", "main", SPEC.files()))).isInstanceOf(SyncException.class).hasMessageContaining("500");
        Map<String, String> noGuide = new HashMap<>();
        noGuide.put(GUIDE, null);
        serveTree(noGuide);
        github.handler = wrapNoEtag(github.handler);
        assertThatThrownBy(() -> docSync().sync(SPEC)).isInstanceOf(SyncException.class).hasMessageContaining("guide is missing");

        assertThat(knowledge.refreshKnowledge()).isFalse();
        assertThat(knowledge.ask("quokka cache tuning")).isNotEmpty();
        assertThat(knowledge.ask("how do I report a security issue")).first().satisfies(a -> assertThat(a.anchor()).isEqualTo("security-issues"));
    }

    static java.util.function.Function<FakeGitHub.Request, FakeGitHub.Response> wrapNoEtag(java.util.function.Function<FakeGitHub.Request, FakeGitHub.Response> h) {
        return r -> {
            FakeGitHub.Response response = h.apply(r);
            return response.status() == 304 ? FakeGitHub.Response.ok("{\"tree\":[]}", Map.of()) : response;
        };
    }
}
