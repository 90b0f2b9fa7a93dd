package dev.buildkitbot.bot.slack;

import dev.buildkitbot.bot.settings.Settings;
import dev.buildkitbot.knowledge.Knowledge;
import dev.buildkitbot.bot.settings.Sources;
import dev.buildkitbot.knowledge.source.SourceSpec;
import dev.buildkitbot.knowledge.source.SyncedDocs;
import dev.buildkitbot.knowledge.sync.DocSync;
import dev.buildkitbot.knowledge.sync.GitHubClient;
import dev.buildkitbot.knowledge.sync.IssueSync;
import dev.buildkitbot.knowledge.sync.SyncException;
import dev.buildkitbot.knowledge.sync.SyncState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps issues fresh while the app runs: every interval, each configured repository is synced. The
 * index updates in place (queries keep being served); a failed sync logs one line and keeps what
 * was there.
 */
public final class BackgroundSync implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BackgroundSync.class);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "github-sync");
        t.setDaemon(true);
        return t;
    });
    private final IssueSync sync;
    private final DocSync docs;
    private final Knowledge knowledge;
    private final Settings settings;

    public BackgroundSync(Settings settings, Knowledge knowledge) {
        this.settings = settings;
        this.knowledge = knowledge;
        GitHubClient client = new GitHubClient(URI.create(settings.githubApiUrl()), settings.githubToken());
        this.docs = new DocSync(client, knowledge.shipped(), SyncedDocs.load(knowledge.dataDir().knowledge()), Clock.systemUTC());
        this.sync = new IssueSync(client, knowledge,
                SyncState.load(settings.dataDir().resolve("sync")), Duration.ofMinutes(2), d -> Thread.sleep(d.toMillis()),
                Clock.systemUTC(), 50);
    }

    public void start(Duration initialDelay) {
        scheduler.scheduleWithFixedDelay(this::runOnce, initialDelay.toSeconds(), settings.syncInterval().toSeconds(), TimeUnit.SECONDS);
    }

    void runOnce() {
        refreshDocs();
        for (String repo : settings.syncRepos()) {
            try {
                IssueSync.Result result = sync.sync(repo);
                log.atInfo().setMessage("sync done").addKeyValue("repo", repo).addKeyValue("result", result).log();
            } catch (SyncException e) {
                log.atWarn().setMessage("sync failed; keeping current issues").addKeyValue("repo", repo).addKeyValue("reason", e.getMessage()).log();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.atWarn().setMessage("sync failed; keeping current issues").addKeyValue("repo", repo).addKeyValue("reason", e.toString()).log();
            }
        }
    }

    void refreshDocs() {
        for (SourceSpec source : Sources.load()) {
            try {
                DocSync.Result result = docs.sync(source);
                log.atInfo().setMessage("docs sync done").addKeyValue("repo", source.repo()).addKeyValue("result", result).log();
            } catch (SyncException e) {
                log.atWarn().setMessage("docs sync failed; keeping current docs").addKeyValue("repo", source.repo()).addKeyValue("reason", e.getMessage()).log();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.atWarn().setMessage("docs sync failed; keeping current docs").addKeyValue("repo", source.repo()).addKeyValue("reason", e.toString()).log();
            }
        }
        if (knowledge.refreshKnowledge()) {
            log.info("guide and docs changed upstream; re-indexed");
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
