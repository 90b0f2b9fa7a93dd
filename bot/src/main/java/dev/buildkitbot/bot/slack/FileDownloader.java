package dev.buildkitbot.bot.slack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * Downloads a file a user shared with the bot ({@code url_private_download}) with the bot token, with
 * a size cap. The token is only ever sent to Slack's file host (or the configured Web API host, for
 * tests and GovSlack): a forged URL cannot make the bot leak it.
 */
public final class FileDownloader {
    public sealed interface Result permits Downloaded, Refused {
    }

    public record Downloaded(byte[] content) implements Result {
    }

    public record Refused(String reason) implements Result {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String token;
    private final Set<String> allowedHosts;
    private final long maxBytes;

    public FileDownloader(String token, String apiUrl, long maxBytes) {
        this.token = token;
        this.allowedHosts = Set.of("files.slack.com", "files.slack-gov.com", URI.create(apiUrl).getHost());
        this.maxBytes = maxBytes;
    }

    public Result download(String url, Integer declaredSize) {
        if (declaredSize != null && declaredSize > maxBytes) {
            return new Refused("That file is over " + maxBytes / (1024 * 1024) + " MB. Send the relevant part.");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException | NullPointerException e) {
            return new Refused("I could not read that file's address.");
        }
        if (uri.getHost() == null || !allowedHosts.contains(uri.getHost())) {
            return new Refused("I only download files shared through Slack.");
        }
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    return new Refused("Slack did not give me that file (HTTP " + response.statusCode() + "). Try uploading it again.");
                }
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    return new Refused("That file is over " + maxBytes / (1024 * 1024) + " MB. Send the relevant part.");
                }
                return new Downloaded(bytes);
            }
        } catch (IOException e) {
            return new Refused("Downloading that file failed (" + e.getClass().getSimpleName() + "). Try again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Refused("Downloading that file was interrupted. Try again.");
        }
    }
}
