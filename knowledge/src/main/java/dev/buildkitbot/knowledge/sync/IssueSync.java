package dev.buildkitbot.knowledge.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildkitbot.knowledge.Knowledge;
import dev.buildkitbot.knowledge.issues.GitHubIssueParser;
import dev.buildkitbot.knowledge.issues.IssueRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a repository's issues up to date from GitHub: pages in ascending {@code updated_at} order
 * from the last cursor, each page committed (snapshot, index, cursor) before the next is asked for,
 * so an interrupted sync resumes where it stopped and loses nothing. Rate limits are waited out when
 * the wait is short and end the sync cleanly otherwise; errors never hammer.
 */
public final class IssueSync {
    private static final Logger log = LoggerFactory.getLogger(IssueSync.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public record Result(String repo, int pages, int issues, int pullRequests, boolean notModified) {
        @Override
        public String toString() {
            return notModified ? repo + ": unchanged (304)"
                    : String.format("%s: %d updated (%d issues, %d pull requests) in %d page(s)", repo,
                    issues + pullRequests, issues, pullRequests, pages);
        }
    }

    /** Waits out a rate limit (tests pass one that only records the wait). */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final GitHubClient client;
    private final Knowledge knowledge;
    private final SyncState state;
    private final Duration maxWait;
    private final Sleeper sleeper;
    private final Clock clock;
    private final int maxPages;

    public IssueSync(GitHubClient client, Knowledge knowledge, SyncState state, Duration maxWait, Sleeper sleeper,
                     Clock clock, int maxPages) {
        this.client = client;
        this.knowledge = knowledge;
        this.state = state;
        this.maxWait = maxWait;
        this.sleeper = sleeper;
        this.clock = clock;
        this.maxPages = maxPages;
    }

    public Result sync(String repo) throws SyncException, InterruptedException {
        SyncState.Cursor cursor = state.cursor(repo);
        String query = "repos/" + repo + "/issues?state=all&sort=updated&direction=asc&per_page=100"
                + (cursor.since() == null ? "" : "&since=" + URLEncoder.encode(cursor.since(), StandardCharsets.UTF_8));
        URI next = client.resolve(query);
        String firstEtag = null;
        String since = cursor.since();
        int pages = 0;
        int issues = 0;
        int prs = 0;
        while (next != null) {
            if (pages >= maxPages) {
                log.info("sync of {} paused after {} pages; the next sync continues from {}", repo, pages, since);
                break;
            }
            GitHubClient.Page page = fetch(repo, next, pages == 0 ? cursor.etag() : null);
            if (page.notModified()) {
                knowledge.snapshot().knownUpTo(repo, clock.instant());
                return new Result(repo, 0, 0, 0, true);
            }
            if (pages == 0) {
                firstEtag = page.etag();
            }
            List<IssueRecord> batch = parse(repo, page.body(), pages + 1);
            knowledge.upsertIssues(batch);
            for (IssueRecord issue : batch) {
                if (issue.pullRequest()) {
                    prs++;
                } else {
                    issues++;
                }
                if (issue.updatedAt() != null && (since == null || issue.updatedAt().toString().compareTo(since) > 0)) {
                    since = issue.updatedAt().toString();
                }
            }
            pages++;
            next = page.next().orElse(null);
            // The cursor moves with each committed page; the ETag only once the whole answer is in.
            state.update(repo, new SyncState.Cursor(since, next == null ? firstEtag : null));
        }
        if (next == null) {
            // Everything GitHub had for this repository is in: its issues are as of now.
            knowledge.snapshot().knownUpTo(repo, clock.instant());
        }
        return new Result(repo, pages, issues, prs, false);
    }

    private GitHubClient.Page fetch(String repo, URI uri, String etag) throws SyncException, InterruptedException {
        for (int attempt = 0; attempt < 3; attempt++) {
            GitHubClient.Page page;
            try {
                page = client.get(uri, etag);
            } catch (IOException e) {
                throw new SyncException("GitHub is unreachable (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); keeping the current issues of " + repo);
            }
            if (page.status() == 200 || page.notModified()) {
                if (page.rateRemaining().isPresent() && page.rateRemaining().getAsLong() < 5) {
                    log.warn("GitHub rate limit nearly used up: {} requests left until {}", page.rateRemaining().getAsLong(),
                            page.rateReset().map(Instant::toString).orElse("?"));
                }
                return page;
            }
            if (page.rateLimited()) {
                Duration wait = page.retryAfter().orElseGet(() -> page.rateReset()
                        .map(reset -> Duration.between(clock.instant(), reset).plusSeconds(1)).orElse(Duration.ofMinutes(1)));
                if (wait.isNegative()) {
                    wait = Duration.ofSeconds(1);
                }
                if (wait.compareTo(maxWait) > 0) {
                    throw new SyncException("GitHub rate limit reached for " + repo + "; try again after "
                            + clock.instant().plus(wait) + (client.authenticated() ? "" : " (set GITHUB_TOKEN for 5,000 requests an hour)"));
                }
                log.info("GitHub rate limit: waiting {} s before retrying {}", wait.toSeconds(), repo);
                sleeper.sleep(wait);
                continue;
            }
            if (page.status() == 404) {
                throw new SyncException("repository " + repo + " not found on GitHub (404)");
            }
            if (page.status() == 401) {
                throw new SyncException("GitHub refused the token (401): check GITHUB_TOKEN");
            }
            throw new SyncException("GitHub answered " + page.status() + " for " + repo + "; keeping the current issues");
        }
        throw new SyncException("GitHub kept rate-limiting " + repo + "; try again later");
    }

    private static List<IssueRecord> parse(String repo, String body, int pageNumber) throws SyncException {
        JsonNode array;
        try {
            array = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new SyncException("GitHub sent malformed JSON for " + repo + " (page " + pageNumber + "); keeping the current issues");
        }
        if (array == null || !array.isArray()) {
            throw new SyncException("GitHub sent something other than a list of issues for " + repo + " (page " + pageNumber + ")");
        }
        List<IssueRecord> out = new ArrayList<>();
        for (JsonNode node : array) {
            try {
                out.add(GitHubIssueParser.parse(node, repo));
            } catch (IllegalArgumentException e) {
                log.warn("skipping an entry of {} page {}: {}", repo, pageNumber, e.getMessage());
            }
        }
        return out;
    }
}
