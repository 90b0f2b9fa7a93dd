package dev.buildkitbot.bot.slack;

import dev.buildkitbot.bot.settings.Settings;
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
    private final ReleaseSync releases;
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
        this.releases = new ReleaseSync(client, knowledge.releases(), Clock.systemUTC());
    }

    /**
     * Syncs every interval; the first one soon after start-up when the issues are older than the
     * interval (a fresh data dir starts from the shipped issues, months old), else after one interval.
     * Issues still waiting for their vectors get them right away.
     */
    public void start() {
        Duration first = firstDelay(knowledge.snapshot().asOf().values(), settings.syncInterval(), Clock.systemUTC().instant());
        log.atInfo().setMessage("background sync scheduled").addKeyValue("first_in_s", first.toSeconds())
                .addKeyValue("issues", knowledge.snapshot().freshness()).log();
        scheduler.execute(this::embedMissing);
        scheduler.scheduleWithFixedDelay(this::runOnce, first.toSeconds(), settings.syncInterval().toSeconds(), TimeUnit.SECONDS);
    }

    /** Soon when the oldest repository's issues are older than the interval (or unknown), else one interval. */
    static Duration firstDelay(java.util.Collection<String> asOf, Duration interval, java.time.Instant now) {
        java.time.Instant oldest = asOf.stream().map(java.time.Instant::parse).min(java.time.Instant::compareTo).orElse(java.time.Instant.EPOCH);
        return oldest.plus(interval).isBefore(now) ? STARTUP_DELAY : interval;
    }

    /** Long enough for the app to connect to Slack before GitHub is asked for anything. */
    static final Duration STARTUP_DELAY = Duration.ofSeconds(5);

    void runOnce() {
        refreshDocs();
        for (String repo : settings.syncRepos()) {
            try {
                log.atInfo().setMessage("release sync done").addKeyValue("repo", repo).addKeyValue("result", releases.sync(repo)).log();
            } catch (SyncException e) {
                log.atWarn().setMessage("release sync failed; keeping the known release").addKeyValue("repo", repo).addKeyValue("reason", e.getMessage()).log();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.atWarn().setMessage("release sync failed").addKeyValue("repo", repo).addKeyValue("reason", e.toString()).log();
            }
        }
        syncIssues();
        embedMissing();
    }

    /** Vectors for the issues a sync or import left without: batch by batch, questions answered meanwhile. */
    void embedMissing() {
        try {
            int missing = knowledge.issuesWithoutVectors();
            if (missing > 0) {
                log.atInfo().setMessage("computing issue vectors").addKeyValue("issues", missing).log();
                knowledge.embedMissingIssueVectors(256, (done, total) ->
                        log.atInfo().setMessage("issue vectors").addKeyValue("done", done).addKeyValue("total", total).log());
            }
        } catch (RuntimeException e) {
            log.atWarn().setMessage("computing issue vectors failed; they are retried after the next sync").addKeyValue("reason", e.toString()).log();
        }
    }

    private void syncIssues() {
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
