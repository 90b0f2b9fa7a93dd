package dev.buildkitbot.bot.slack.listeners.commands;

import dev.buildkitbot.bot.report.Samples;
import dev.buildkitbot.bot.slack.FakeSlackApi;
import dev.buildkitbot.bot.slack.SlackAppHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static dev.buildkitbot.bot.slack.SlackAppHarness.eventCallback;
import static dev.buildkitbot.bot.slack.SlackAppHarness.message;
import static org.assertj.core.api.Assertions.assertThat;

/** A whole walkthrough through Slack: signed command, buttons, DM messages, a file upload, the draft. */
class ReportCommandTest {
    static final String USER = "U0REPORTER1";
    static final String DM = "D0DMU0REPORTER1";
    SlackAppHarness harness;
    int step;

    @BeforeEach
    void start() throws Exception {
        harness = new SlackAppHarness(Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    Map<String, String> command(String text) {
        return Map.of("token", "x", "team_id", "T0000000001", "channel_id", "C0BUILDKIT1", "user_id", USER, "user_name", "reporter",
                "command", "/buildkit-report", "text", text, "response_url", harness.api.url() + "response", "trigger_id", "1.2.3");
    }

    void click(String value) throws Exception {
        String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0000000001\"},\"user\":{\"id\":\"" + USER + "\"},"
                + "\"api_app_id\":\"A0000000001\",\"token\":\"x\",\"trigger_id\":\"1.2.3\","
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"1700001000.000100\",\"channel_id\":\"" + DM + "\"},"
                + "\"channel\":{\"id\":\"" + DM + "\",\"name\":\"directmessage\"},"
                + "\"actions\":[{\"action_id\":\"report_choice_0\",\"block_id\":\"b\",\"value\":\"" + value + "\",\"type\":\"button\",\"action_ts\":\"1\"}]}";
        assertThat(harness.requests.interaction(payload).statusCode()).isEqualTo(200);
    }

    void dm(String text) throws Exception {
        step++;
        String json = text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t");
        var event = "{\"type\":\"message\",\"user\":\"" + USER + "\",\"text\":\"" + json + "\",\"ts\":\"17000020" + String.format("%02d", step)
                + ".000100\",\"channel\":\"" + DM + "\",\"channel_type\":\"im\",\"event_ts\":\"1\"}";
        assertThat(harness.requests.event(eventCallback("EvR" + step, event)).statusCode()).isEqualTo(200);
    }

    FakeSlackApi.Call awaitPost(String contains) throws InterruptedException {
        return harness.api.await("chat.postMessage", c -> (c.param("blocks") + c.param("text")).contains(contains), Duration.ofSeconds(10));
    }

    @Test
    void fromSlashCommandToPrefilledIssueInADm() throws Exception {
        var ack = harness.requests.command(command(""));
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).contains("direct message");
        assertThat(awaitPost("report_choice_0").param("channel")).isEqualTo(DM);

        click("hang");
        awaitPost("How do you run BuildKit?");
        click("buildx-container");
        awaitPost("Step 1 of 5");
        dm("docker buildx build hangs forever at the export step");
        awaitPost("Step 2 of 5");
        dm("skip");
        awaitPost("Step 3 of 5");
        dm("github.com/docker/buildx v0.17.1 257815a\nName: repro\nDriver: docker-container\n\nNodes:\nName: repro0\n"
                + "BuildKit daemon flags: --debugaddr=127.0.0.1:6060\nBuildKit version: v0.16.0");
        // v0.16.0 is older than the latest release shipped with the bot: the guide's "try the latest" comes first.
        assertThat(awaitPost("Step 4 of 6").param("text")).contains("the latest release is v0.33.0");
        click("still");
        // The goroutine step speaks of this builder's container and debug address.
        assertThat(awaitPost("Step 5 of 6").param("blocks")).contains("buildx_buildkit_repro0").contains("127.0.0.1:6060");

        harness.api.files.put("goroutines.txt", Samples.dump(40).getBytes(StandardCharsets.UTF_8));
        String share = "{\"type\":\"message\",\"subtype\":\"file_share\",\"user\":\"" + USER + "\",\"text\":\"\",\"ts\":\"1700003000.000100\","
                + "\"channel\":\"" + DM + "\",\"channel_type\":\"im\",\"event_ts\":\"1\",\"files\":[{\"id\":\"F0UP\",\"name\":\"goroutines.txt\","
                + "\"mimetype\":\"text/plain\",\"size\":" + Samples.dump(40).length() + ",\"url_private_download\":\"" + harness.api.fileUrl("goroutines.txt") + "\"}]}";
        assertThat(harness.requests.event(eventCallback("EvFile", share)).statusCode()).isEqualTo(200);
        awaitPost("40 goroutines");
        assertThat(harness.api.calls("download")).singleElement()
                .satisfies(c -> assertThat(c.param("_auth")).isEqualTo("Bearer " + SlackAppHarness.BOT_TOKEN));

        dm("docker buildx build --push -t registry.example.com/app .\nFROM alpine\nRUN echo hi");
        // Gson writes "=" as \u003d inside blocks; the link may be in blocks or, when long, in the text.
        FakeSlackApi.Call link = awaitPost("https://github.com/moby/buildkit/issues/new?title");
        assertThat(link.param("channel")).isEqualTo(DM);
        String url = (link.param("blocks") + link.param("text")).replace("\\u003d", "=").replace("\\u0026", "&")
                .replaceAll("(?s).*(https://github.com/moby/buildkit/issues/new\\?[^|>\"]*).*", "$1");
        assertThat(url).startsWith("https://github.com/moby/buildkit/issues/new?title=").hasSizeLessThanOrEqualTo(8_000);
        harness.api.await("files.completeUploadExternal", c -> true, Duration.ofSeconds(10));
        assertThat(harness.api.calls("upload")).isNotEmpty();
    }

    @Test
    void aForeignFileUrlNeverGetsTheToken() throws Exception {
        harness.requests.command(command(""));
        awaitPost("report_choice_0");
        click("hang");
        awaitPost("How do you run BuildKit?");
        String share = "{\"type\":\"message\",\"subtype\":\"file_share\",\"user\":\"" + USER + "\",\"text\":\"\",\"ts\":\"1700004000.000100\","
                + "\"channel\":\"" + DM + "\",\"channel_type\":\"im\",\"event_ts\":\"1\",\"files\":[{\"id\":\"F0EVIL\",\"name\":\"x.txt\","
                + "\"size\":10,\"url_private_download\":\"https://evil.example/steal\"}]}";
        harness.requests.event(eventCallback("EvEvil", share));
        awaitPost("only download files shared through Slack");
        assertThat(harness.api.calls("download")).isEmpty();
    }

    @Test
    void helpUnknownAndCancelAnswerEphemerally() throws Exception {
        harness.requests.command(command("help"));
        assertThat(harness.api.await("chat.postEphemeral", c -> true, Duration.ofSeconds(10)).param("text"))
                .contains("/buildkit-report new").doesNotContain("Maintainers:");
        assertThat(harness.requests.command(command("frobnicate")).body()).contains("know `frobnicate`");
        assertThat(harness.requests.command(command("x".repeat(3_000))).body()).contains("too long");
        harness.settle();
        assertThat(harness.api.calls("chat.postMessage")).isEmpty();
        harness.requests.command(command("cancel"));
        awaitPost("no report in progress");
    }

    @Test
    void withoutAReportDmsAreQuestionsAndAnswersOfferToStartOne() throws Exception {
        dm("how do I report a security issue?");
        FakeSlackApi.Call answer = awaitPost("#security-issues");
        assertThat(answer.param("blocks")).contains("start_report");
    }
}
