package dev.buildkitbot.bot.slack.listeners.shortcuts;

import dev.buildkitbot.bot.report.Samples;
import dev.buildkitbot.bot.slack.FakeSlackApi;
import dev.buildkitbot.bot.slack.SlackAppHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.buildkitbot.bot.slack.SlackAppHarness.eventCallback;
import static org.assertj.core.api.Assertions.assertThat;

/** The maintainer tools end to end: shortcut → modal → request in the thread → guided capture → result back in the thread. */
class AskForMoreInfoShortcutTest {
    static final String MAINTAINER = "U0MAINT0001";
    static final String REPORTER = "U0REPORTER1";
    static final String CHANNEL = "C0BUILDKIT1";
    static final String THREAD = "1700005000.000100";
    static final String DM = "D0DMU0REPORTER1";
    SlackAppHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = new SlackAppHarness(Map.of("BUILDKIT_BOT_MAINTAINERS", MAINTAINER));
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    String shortcut(String user) {
        return "{\"type\":\"message_action\",\"callback_id\":\"ask_for_more_info\",\"trigger_id\":\"13345224609.738474920.8088930838d88f008e0\","
                + "\"team\":{\"id\":\"T0000000001\"},\"user\":{\"id\":\"" + user + "\"},\"channel\":{\"id\":\"" + CHANNEL + "\",\"name\":\"buildkit\"},"
                + "\"message_ts\":\"" + THREAD + "\",\"token\":\"x\",\"response_url\":\"" + harness.api.url() + "response\","
                + "\"message\":{\"type\":\"message\",\"user\":\"" + REPORTER + "\",\"ts\":\"" + THREAD + "\",\"text\":\"my build hangs\"}}";
    }

    String submission(String user, String itemsJson, String note) {
        return "{\"type\":\"view_submission\",\"team\":{\"id\":\"T0000000001\"},\"user\":{\"id\":\"" + user + "\"},\"token\":\"x\",\"trigger_id\":\"1.2\","
                + "\"view\":{\"id\":\"V1\",\"type\":\"modal\",\"callback_id\":\"ask_for_more_info_modal\",\"private_metadata\":\"" + CHANNEL + "|" + THREAD + "|" + REPORTER + "\","
                + "\"state\":{\"values\":{\"items\":{\"items_selected\":{\"type\":\"checkboxes\",\"selected_options\":" + itemsJson + "}},"
                + "\"note\":{\"note_text\":{\"type\":\"plain_text_input\",\"value\":\"" + note + "\"}}}}}}";
    }

    String click(String user, String channel, String actionId, String value) {
        return "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0000000001\"},\"user\":{\"id\":\"" + user + "\"},\"token\":\"x\",\"trigger_id\":\"1.2.3\","
                + "\"api_app_id\":\"A0000000001\",\"container\":{\"type\":\"message\",\"message_ts\":\"1700005001.000100\",\"channel_id\":\"" + channel + "\"},"
                + "\"channel\":{\"id\":\"" + channel + "\",\"name\":\"x\"},"
                + "\"actions\":[{\"action_id\":\"" + actionId + "\",\"block_id\":\"b\",\"value\":\"" + value + "\",\"type\":\"button\",\"action_ts\":\"1\"}]}";
    }

    @Test
    void aNonMaintainerIsRefusedAndNoModalOpens() throws Exception {
        assertThat(harness.requests.interaction(shortcut("U0RANDOM001")).statusCode()).isEqualTo(200);
        FakeSlackApi.Call refusal = harness.api.await("chat.postEphemeral", c -> true, Duration.ofSeconds(10));
        assertThat(refusal.param("user")).isEqualTo("U0RANDOM001");
        assertThat(refusal.param("text")).contains("Only BuildKit maintainers");
        harness.settle();
        assertThat(harness.api.calls("views.open")).isEmpty();
    }

    @Test
    void fromShortcutToTheReportersCaptureBackInTheThread() throws Exception {
        harness.requests.interaction(shortcut(MAINTAINER));
        FakeSlackApi.Call open = harness.api.await("views.open", c -> true, Duration.ofSeconds(10));
        assertThat(open.param("trigger_id")).isEqualTo("13345224609.738474920.8088930838d88f008e0");
        assertThat(open.param("view")).contains("ask_for_more_info_modal").contains(CHANNEL + "|" + THREAD + "|" + REPORTER);

        var empty = harness.requests.interaction(submission(MAINTAINER, "[]", ""));
        assertThat(empty.body()).contains("errors").contains("Pick at least one");

        var ok = harness.requests.interaction(submission(MAINTAINER,
                "[{\"value\":\"versions\",\"text\":{\"type\":\"plain_text\",\"text\":\"Versions\"}},{\"value\":\"goroutines\",\"text\":{\"type\":\"plain_text\",\"text\":\"Goroutine dump\"}}]",
                "the full dump please"));
        assertThat(ok.statusCode()).isEqualTo(200);
        FakeSlackApi.Call request = harness.api.await("chat.postMessage", c -> CHANNEL.equals(c.param("channel")), Duration.ofSeconds(10));
        assertThat(request.param("thread_ts")).isEqualTo(THREAD);
        assertThat(request.param("blocks")).contains("\\u003c@" + REPORTER + "\\u003e").contains("Goroutine dump").contains("start_capture")
                .contains("#reporting-deadlock").contains("the full dump please").doesNotContain("Bisect");
        String value = REPORTER + "|" + MAINTAINER + "|" + CHANNEL + "|" + THREAD + "|versions,goroutines";
        assertThat(request.param("blocks")).contains(value);

        harness.requests.interaction(click("U0SOMEONE01", CHANNEL, "start_capture", value));
        FakeSlackApi.Call notYours = harness.api.await("chat.postEphemeral", c -> true, Duration.ofSeconds(10));
        assertThat(notYours.param("user")).isEqualTo("U0SOMEONE01");
        assertThat(notYours.param("text")).contains("This is for <@" + REPORTER + ">");

        harness.requests.interaction(click(REPORTER, CHANNEL, "start_capture", value));
        harness.api.await("chat.postMessage", c -> DM.equals(c.param("channel")) && c.param("text").contains("How do you run BuildKit?"), Duration.ofSeconds(10));
        harness.requests.interaction(click(REPORTER, DM, "report_choice_1", "buildx-container"));
        harness.api.await("chat.postMessage", c -> DM.equals(c.param("channel")) && c.param("text").contains("Step 1 of 2"), Duration.ofSeconds(10));
        dm("github.com/docker/buildx v0.17.1 257815a\\nName: repro\\nDriver: docker-container\\n\\nNodes:\\nName: repro0\\n BuildKit version: v0.16.0", 1);
        harness.api.await("chat.postMessage", c -> DM.equals(c.param("channel")) && c.param("text").contains("Step 2 of 2"), Duration.ofSeconds(10));
        dm(Samples.dump(12).replace("\n", "\\n").replace("\t", "\\t"), 2);

        FakeSlackApi.Call result = harness.api.await("chat.postMessage",
                c -> CHANNEL.equals(c.param("channel")) && c.param("blocks") != null && c.param("blocks").contains("sent what was asked for"), Duration.ofSeconds(10));
        assertThat(result.param("thread_ts")).isEqualTo(THREAD);
        assertThat(result.param("blocks")).contains("\\u003c@" + MAINTAINER + "\\u003e").contains("versions").contains("goroutines");
        harness.api.await("files.getUploadURLExternal", c -> "versions.txt".equals(c.param("filename")), Duration.ofSeconds(10));
        harness.api.await("files.getUploadURLExternal", c -> "goroutines.txt".equals(c.param("filename")), Duration.ofSeconds(10));
    }

    void dm(String escapedText, int n) throws Exception {
        String event = "{\"type\":\"message\",\"user\":\"" + REPORTER + "\",\"text\":\"" + escapedText + "\",\"ts\":\"170000600" + n + ".000100\","
                + "\"channel\":\"" + DM + "\",\"channel_type\":\"im\",\"event_ts\":\"1\"}";
        assertThat(harness.requests.event(eventCallback("EvM" + n, event)).statusCode()).isEqualTo(200);
    }

    Map<String, String> command(String user, String text) {
        return Map.of("token", "x", "team_id", "T0000000001", "channel_id", CHANNEL, "user_id", user, "user_name", "x",
                "command", "/buildkit-report", "text", text, "response_url", harness.api.url() + "response", "trigger_id", "1.2.3");
    }

    @Test
    void askAndLinkCommandsAreForMaintainersOnly() throws Exception {
        harness.requests.command(command("U0RANDOM001", "ask <@" + REPORTER + "|reporter> versions"));
        assertThat(harness.api.await("chat.postEphemeral", c -> true, Duration.ofSeconds(10)).param("text")).contains("is for BuildKit maintainers");

        harness.requests.command(command(MAINTAINER, "ask <@" + REPORTER + "|reporter> versions,bisect please bisect between v0.12 and v0.13"));
        FakeSlackApi.Call ask = harness.api.await("chat.postMessage", c -> CHANNEL.equals(c.param("channel")), Duration.ofSeconds(10));
        assertThat(ask.param("blocks")).contains("Bisect").contains("Versions").contains("please bisect").doesNotContain("Goroutine dump");

        harness.requests.command(command(MAINTAINER, "ask <@" + REPORTER + "> frobs"));
        harness.api.await("chat.postEphemeral", c -> c.param("text").contains("I don't know frobs"), Duration.ofSeconds(10));

        harness.requests.command(command(MAINTAINER, "link moby/buildkit#4942"));
        FakeSlackApi.Call card = harness.api.await("chat.postMessage", c -> c.param("blocks") != null && c.param("blocks").contains("moby/buildkit#4942"), Duration.ofSeconds(10));
        assertThat(card.param("blocks")).contains("Docker buildkit stuck with high CPU").contains("open");
        harness.requests.command(command(MAINTAINER, "link https://github.com/moby/buildkit/issues/99999"));
        harness.api.await("chat.postEphemeral", c -> c.param("text").contains("I don't know moby/buildkit#99999 yet"), Duration.ofSeconds(10));

        harness.requests.command(command(MAINTAINER, "help"));
        harness.api.await("chat.postEphemeral", c -> c.param("text").contains("Maintainers:"), Duration.ofSeconds(10));
    }
}
