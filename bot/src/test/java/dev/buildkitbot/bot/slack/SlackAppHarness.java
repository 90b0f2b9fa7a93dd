package dev.buildkitbot.bot.slack;

import dev.buildkitbot.bot.settings.Settings;
import dev.buildkitbot.knowledge.Knowledge;
import dev.buildkitbot.knowledge.issues.IssueRecord;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real Bolt app in HTTP mode on a loopback port, its Web API played by {@link FakeSlackApi},
 * with a knowledge index in a temp data dir.
 */
public final class SlackAppHarness implements AutoCloseable {
    public static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    public static final String BOT_TOKEN = "xoxb-1234567890123-1234567890123-abcdefghijklmnopqrstuvwx";
    public static final String HINT_CHANNEL = "C0BUILDKIT1";

    public final FakeSlackApi api;
    public final Path data;
    public final Knowledge knowledge;
    public final SlackApp slackApp;
    public final HttpMode http;
    public final SignedRequests requests;

    public SlackAppHarness(Map<String, String> extraEnv) throws Exception {
        api = new FakeSlackApi();
        data = Files.createTempDirectory("bot-slack-test");
        // Two known issues, not the shipped ones: these tests are about Slack, not about ranking.
        knowledge = Knowledge.open(data, Knowledge.Options.defaults().withoutShippedIssues());
        knowledge.upsertIssues(List.of(
                issue(4942, "Docker buildkit stuck with high CPU and unresponsive",
                        "Every so often docker builds break and most of the CPU is consumed by the docker process. buildkitd unresponsive."),
                issue(1440, "Cache can't be exported to Quay.io",
                        "error: failed to solve: rpc error: code = Unknown desc = error writing manifest blob: unexpected status: 401 Unauthorized")));
        Map<String, String> env = new HashMap<>(Map.of(
                "SLACK_BOT_TOKEN", BOT_TOKEN, "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL", api.url(),
                "BUILDKIT_BOT_DATA", data.toString(), "BUILDKIT_BOT_CHANNELS", HINT_CHANNEL));
        env.putAll(extraEnv);
        Settings settings = Settings.load(env);
        slackApp = new SlackApp(settings, knowledge);
        slackApp.app().start();
        http = new HttpMode(slackApp, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        http.start();
        requests = new SignedRequests(URI.create("http://127.0.0.1:" + http.port() + "/slack/events"), SECRET);
    }

    static IssueRecord issue(int number, String title, String body) {
        return new IssueRecord("moby/buildkit", number, title, body, "open", null, List.of(), "u", Instant.EPOCH, Instant.EPOCH,
                null, 0, "https://github.com/moby/buildkit/issues/" + number, false);
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + http.port());
    }

    public static String eventCallback(String eventId, String eventJson) {
        return "{\"token\":\"x\",\"team_id\":\"T0000000001\",\"api_app_id\":\"A0000000001\",\"type\":\"event_callback\","
                + "\"event_id\":\"" + eventId + "\",\"event_time\":1700000000,\"event\":" + eventJson + "}";
    }

    public static String mention(String channel, String ts, String text) {
        return "{\"type\":\"app_mention\",\"user\":\"U0USER00001\",\"text\":\"" + text + "\",\"ts\":\"" + ts + "\",\"channel\":\"" + channel
                + "\",\"event_ts\":\"" + ts + "\"}";
    }

    public static String message(String channel, String channelType, String ts, String text, String extra) {
        return "{\"type\":\"message\",\"user\":\"U0USER00001\",\"text\":\"" + text + "\",\"ts\":\"" + ts + "\",\"channel\":\"" + channel
                + "\",\"channel_type\":\"" + channelType + "\",\"event_ts\":\"" + ts + "\"" + extra + "}";
    }

    /** Lets already-submitted background work finish before asserting that nothing was posted. */
    public void settle() throws InterruptedException {
        Thread.sleep(Duration.ofMillis(400).toMillis());
    }

    @Override
    public void close() throws Exception {
        http.close();
        slackApp.close();
        knowledge.close();
        api.close();
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
