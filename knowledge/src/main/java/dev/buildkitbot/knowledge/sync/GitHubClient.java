package dev.buildkitbot.knowledge.sync;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub's REST API over {@link HttpClient}: one GET with the headers GitHub asks clients to send,
 * an optional token, an optional ETag, and what the answer says about paging and rate limits.
 */
public final class GitHubClient {
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

    public record Page(int status, String body, String etag, Optional<URI> next, OptionalLong rateRemaining,
                       Optional<Instant> rateReset, Optional<Duration> retryAfter) {
        public boolean notModified() {
            return status == 304;
        }

        /** 429, or 403 with no requests left or a Retry-After: GitHub's primary and secondary limits. */
        public boolean rateLimited() {
            return status == 429 || (status == 403 && (retryAfter.isPresent()
                    || (rateRemaining.isPresent() && rateRemaining.getAsLong() == 0)));
        }
    }

    private final HttpClient http;
    private final URI apiBase;
    private final String token;

    /**
     * @param apiBase e.g. {@code https://api.github.com/}; tests pass a local server
     * @param token   a GitHub token, or null/blank for anonymous access (60 requests an hour)
     */
    public GitHubClient(URI apiBase, String token) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.apiBase = apiBase.toString().endsWith("/") ? apiBase : URI.create(apiBase + "/");
        this.token = token == null || token.isBlank() ? null : token.strip();
    }

    public URI resolve(String pathAndQuery) {
        return apiBase.resolve(pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery);
    }

    public boolean authenticated() {
        return token != null;
    }

    public Page get(URI uri, String etag) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "buildkit-bot");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        HttpResponse<String> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        var headers = response.headers();
        Optional<URI> next = headers.firstValue("Link").map(NEXT::matcher).filter(Matcher::find).map(m -> URI.create(m.group(1)));
        OptionalLong remaining = headers.firstValue("X-RateLimit-Remaining").map(GitHubClient::parseLong)
                .filter(v -> v >= 0).map(OptionalLong::of).orElse(OptionalLong.empty());
        Optional<Instant> reset = headers.firstValue("X-RateLimit-Reset").map(GitHubClient::parseLong)
                .filter(v -> v > 0).map(Instant::ofEpochSecond);
        Optional<Duration> retryAfter = headers.firstValue("Retry-After").map(GitHubClient::parseLong)
                .filter(v -> v >= 0).map(Duration::ofSeconds);
        return new Page(response.statusCode(), response.body(), headers.firstValue("ETag").orElse(null), next,
                remaining, reset, retryAfter);
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
