package dev.buildkitbot.bot.slack;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/** Sends requests to the bot the way Slack does: v0 HMAC-SHA256 over {@code v0:<ts>:<body>}. */
public final class SignedRequests {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String secret;

    public SignedRequests(URI endpoint, String secret) {
        this.endpoint = endpoint;
        this.secret = secret;
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> event(String json) throws IOException, InterruptedException {
        return send(json, "application/json", now(), Map.of(), secret);
    }

    public HttpResponse<String> eventRetry(String json, int retryNum) throws IOException, InterruptedException {
        return send(json, "application/json", now(), Map.of("X-Slack-Retry-Num", String.valueOf(retryNum),
                "X-Slack-Retry-Reason", "http_timeout"), secret);
    }

    public HttpResponse<String> interaction(String payloadJson) throws IOException, InterruptedException {
        return send("payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8), "application/x-www-form-urlencoded", now(), Map.of(), secret);
    }

    public HttpResponse<String> command(Map<String, String> form) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(body.toString(), "application/x-www-form-urlencoded", now(), Map.of(), secret);
    }

    public HttpResponse<String> send(String body, String contentType, long timestamp, Map<String, String> headers, String signWith)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
                .header("X-Slack-Signature", sign(signWith, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
