package dev.buildkitbot.bot.cli;

import dev.buildkitbot.knowledge.Knowledge;
import dev.buildkitbot.bot.settings.Sources;
import dev.buildkitbot.knowledge.source.SourceSpec;
import dev.buildkitbot.knowledge.source.SyncedDocs;
import dev.buildkitbot.knowledge.sync.DocSync;
import dev.buildkitbot.knowledge.releases.ReleaseSync;
import dev.buildkitbot.knowledge.sync.GitHubClient;
import dev.buildkitbot.knowledge.sync.IssueSync;
import dev.buildkitbot.knowledge.sync.SyncException;
import dev.buildkitbot.knowledge.sync.SyncState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Bring issues, the guide and the docs up to date from GitHub (incremental; GITHUB_TOKEN optional).")
final class SyncCommand implements Callable<Integer> {
    static final List<String> DEFAULT_REPOS = List.of("moby/buildkit", "docker/buildx");

    @Mixin
    DataOption data;

    @Option(names = "--repo", paramLabel = "OWNER/NAME", description = "repository to sync (repeatable; default: moby/buildkit and docker/buildx)")
    List<String> repos;

    @Option(names = "--github-api", paramLabel = "URL", defaultValue = "${env:GITHUB_API_URL:-https://api.github.com/}",
            description = "GitHub REST API base (default: $GITHUB_API_URL or https://api.github.com/)")
    URI api;

    @Option(names = "--max-wait", paramLabel = "SECONDS", defaultValue = "60",
            description = "longest rate-limit wait before stopping cleanly (default: ${DEFAULT-VALUE})")
    long maxWaitSeconds;

    @Option(names = "--issues-only", description = "refresh issues, not the guide and docs")
    boolean issuesOnly;

    @Option(names = "--docs-only", description = "refresh the guide and docs (config/sources.yml), not issues")
    boolean docsOnly;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        List<String> targets = repos == null || repos.isEmpty() ? DEFAULT_REPOS : repos;
        for (String repo : targets) {
            if (!repo.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
                throw new UserException("--repo must look like owner/name, got: " + repo);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failures = 0;
        try (Knowledge knowledge = data.open()) {
            GitHubClient client = new GitHubClient(api, System.getenv("GITHUB_TOKEN"));
            IssueSync sync = new IssueSync(client, knowledge, SyncState.load(data.dir().resolve("sync")),
                    Duration.ofSeconds(maxWaitSeconds), d -> Thread.sleep(d.toMillis()), Clock.systemUTC(), 10_000);
            if (!docsOnly) {
                ReleaseSync releases = new ReleaseSync(client, knowledge.releases(), Clock.systemUTC());
                for (String repo : targets) {
                    try {
                        out.println(sync.sync(repo));
                        out.println(releases.sync(repo));
                    } catch (SyncException e) {
                        err.println("sync: " + e.getMessage());
                        failures++;
                    }
                }
                EmbedProgress.embedMissing(knowledge, out);
            }
            if (!issuesOnly) {
                DocSync docs = new DocSync(client, knowledge.shipped(), SyncedDocs.load(data.dir().resolve("knowledge")), Clock.systemUTC());
                for (SourceSpec source : Sources.load()) {
                    try {
                        out.println(docs.sync(source));
                    } catch (SyncException e) {
                        err.println("sync: " + e.getMessage());
                        failures++;
                    }
                }
                if (knowledge.refreshKnowledge()) {
                    out.println("guide and docs re-indexed");
                }
            }
        }
        out.flush();
        err.flush();
        return failures == 0 ? 0 : 4;
    }
}
