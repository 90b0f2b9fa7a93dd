package dev.buildkitbot.bot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.buildkitbot.bot.slack.render.MaintainerMessages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static dev.buildkitbot.bot.slack.SlackAppHarness.eventCallback;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies Slack's own SDK samples (and a careless proxy) can produce, replayed against the real app:
 * what is unsigned is refused before anything reads it, what is signed but malformed gets 400, and
 * no request leaves a stack trace in the log.
 */
class MalformedPayloadsTest {
    static final String MAINTAINER = "U0MAINT0001";
    static final ObjectMapper JSON = new ObjectMapper();
    static SlackAppHarness harness;
    static int seq;
    LogCapture logs;

    @BeforeAll
    static void start() throws Exception {
        harness = new SlackAppHarness(Map.of("BUILDKIT_BOT_MAINTAINERS", MAINTAINER));
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
    }

    @BeforeEach
    void before() {
        harness.api.clear();
        logs = new LogCapture();
    }

    @AfterEach
    void after() {
        logs.close();
    }

    HttpResponse<String> json(String body) throws Exception {
        return harness.requests.send(body, "application/json", SignedRequests.now(), Map.of(), SlackAppHarness.SECRET);
    }

    HttpResponse<String> form(String body) throws Exception {
        return harness.requests.send(body, "application/x-www-form-urlencoded", SignedRequests.now(), Map.of(), SlackAppHarness.SECRET);
    }

    static String payload(String json) {
        return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    void stillAnswers() throws Exception {
        String ts = "1701900" + String.format("%03d", ++seq) + ".000100";
        String event = "{\"type\":\"app_mention\",\"user\":\"U0FRESH" + String.format("%04d", seq) + "\",\"text\":\"<@UBOT0000001> how do I report a deadlock\",\"ts\":\""
                + ts + "\",\"channel\":\"C0OTHER0001\",\"event_ts\":\"" + ts + "\"}";
        assertThat(harness.requests.event(eventCallback("EvMal" + seq, event)).statusCode()).isEqualTo(200);
        harness.api.await("chat.postMessage", c -> ts.equals(c.param("thread_ts")), Duration.ofSeconds(10));
    }

    @Test
    void anUnsignedBodyIsRefusedBeforeAnythingParsesIt() throws Exception {
        HttpResponse<String> unsigned = harness.requests.send("{\"type\":\"event_callback\"}", "application/json", SignedRequests.now(),
                Map.of(), "not-the-secret");
        assertThat(unsigned.statusCode()).isEqualTo(401);
        HttpResponse<String> noHeaders = harness.requests.send("{\"type\":\"event_callback\"}", "application/json", 0, Map.of(), "x");
        assertThat(noHeaders.statusCode()).isEqualTo(401);
        HttpResponse<String> unsignedForm = harness.requests.send(payload("{\"type\":\"view_submission\"}"), "application/x-www-form-urlencoded",
                SignedRequests.now(), Map.of(), "not-the-secret");
        assertThat(unsignedForm.statusCode()).isEqualTo(401);
        assertThat(logs.stackTraces()).isEmpty();
    }

    @Test
    void signedButIncompleteEventsGet400() throws Exception {
        assertThat(json("{\"type\":\"event_callback\"}").statusCode()).isEqualTo(400);
        assertThat(json("{\"type\":\"event_callback\",\"event\":{\"user\":\"U1\",\"text\":\"hi\"}}").statusCode()).isEqualTo(400);
        assertThat(json("{\"token\":\"x\",\"event\":{\"type\":\"app_mention\"}}").statusCode()).isEqualTo(400);
        assertThat(json("{\"type\":\"event_callback\",\"event\":\"app_mention\"}").statusCode()).isEqualTo(400);
        assertThat(json("[]").statusCode()).isEqualTo(400);
        assertThat(logs.stackTraces()).isEmpty();
        stillAnswers();
    }

    @Test
    void signedButIncompleteInteractionsGet400() throws Exception {
        HttpResponse<String> noView = form(payload("{\"type\":\"view_submission\",\"team\":{\"id\":\"T1\"},\"user\":{\"id\":\"" + MAINTAINER + "\"}}"));
        assertThat(noView.statusCode()).isEqualTo(400);
        HttpResponse<String> noUser = form(payload("{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\"},\"actions\":[{\"action_id\":\"start_report\","
                + "\"block_id\":\"b\",\"type\":\"button\",\"value\":\"x\",\"action_ts\":\"1\"}]}"));
        assertThat(noUser.statusCode()).isEqualTo(400);
        HttpResponse<String> noType = form(payload("{\"user\":{\"id\":\"U1\"}}"));
        assertThat(noType.statusCode()).isEqualTo(400);
        // Valid JSON for Jackson's first value, then stray bytes: Bolt's Gson would throw on them.
        HttpResponse<String> trailing = form("payload=" + URLEncoder.encode("{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},\"actions\":[]}", StandardCharsets.UTF_8)
                + "%7D%7Dxyz");
        assertThat(trailing.statusCode()).isEqualTo(400);
        HttpResponse<String> badEscape = form("payload=%ZZ%7B");
        assertThat(badEscape.statusCode()).isEqualTo(400);
        HttpResponse<String> commandWithoutUser = form("command=%2Fbuildkit-report&text=help&channel_id=C1");
        assertThat(commandWithoutUser.statusCode()).isEqualTo(400);
        assertThat(logs.stackTraces()).isEmpty();
        stillAnswers();
    }

    /** The SDK's sample submission has {@code "state": {}}: no values at all. */
    @Test
    void theSdksViewSubmissionSampleIsAnsweredWithAFormError() throws Exception {
        ObjectNode sample;
        try (InputStream in = getClass().getResourceAsStream("/slack-samples/ViewSubmissionPayload.json")) {
            sample = (ObjectNode) JSON.readTree(in);
        }
        ((ObjectNode) sample.get("user")).put("id", MAINTAINER);
        ((ObjectNode) sample.get("team")).put("id", "T0000000001");
        ((ObjectNode) sample.get("view")).put("callback_id", MaintainerMessages.MODAL_CALLBACK).put("type", "modal");
        HttpResponse<String> response = form(payload(JSON.writeValueAsString(sample)));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("errors").contains("Pick at least one");
        assertThat(logs.stackTraces()).isEmpty();
    }

    /** A message shortcut in the SDK sample's shape carries no {@code channel}: nothing to post in, nothing to crash. */
    @Test
    void aMessageShortcutWithoutAChannelIsAcknowledgedQuietly() throws Exception {
        String shortcut = "{\"type\":\"message_action\",\"callback_id\":\"ask_for_more_info\",\"trigger_id\":\"13345224609.738474920.8088930838d88f008e0\","
                + "\"message_ts\":\"1700005000.000100\",\"response_url\":\"\",\"team\":{\"id\":\"T0000000001\"},\"user\":{\"id\":\"" + MAINTAINER + "\"},"
                + "\"message\":{\"type\":\"message\",\"subtype\":\"\",\"team\":\"\",\"channel\":\"\",\"user\":\"U0REPORTER1\",\"text\":\"my build hangs\",\"ts\":\"1700005000.000100\"}}";
        HttpResponse<String> response = form(payload(shortcut));
        assertThat(response.statusCode()).isEqualTo(200);
        harness.settle();
        assertThat(harness.api.calls("views.open")).isEmpty();
        assertThat(logs.stackTraces()).isEmpty();
        assertThat(logs.warnings()).isEmpty();
    }

    @Test
    void aCommandArgumentIsNeverEchoedAsAMention() throws Exception {
        HttpResponse<String> response = harness.requests.command(Map.of("command", "/buildkit-report", "text", "<!channel> <!here|here> <@U0SOMEONE1>",
                "user_id", "U0USER00001", "channel_id", "C0BUILDKIT1", "team_id", "T0000000001", "trigger_id", "1.2.3",
                "response_url", harness.api.url() + "response", "token", "x"));
        assertThat(response.statusCode()).isEqualTo(200);
        String text = JSON.readTree(response.body()).path("text").asText();
        assertThat(text).contains("I don't know").doesNotContain("<!channel>").doesNotContain("<!here").doesNotContain("<@U0SOMEONE1>");
    }

    @Test
    /** Every subtype of the message events the manifest subscribes to (message.channels, message.im). */
    void ignoredMessageSubtypesLogNothing() throws Exception {
        String channel = SlackAppHarness.HINT_CHANNEL;
        String[] events = {
                "{\"type\":\"message\",\"subtype\":\"message_changed\",\"hidden\":true,\"channel\":\"" + channel + "\",\"ts\":\"1700000100.000200\","
                        + "\"message\":{\"type\":\"message\",\"user\":\"U0USER00001\",\"text\":\"edited\",\"ts\":\"1700000100.000100\"},"
                        + "\"previous_message\":{\"type\":\"message\",\"user\":\"U0USER00001\",\"text\":\"first\",\"ts\":\"1700000100.000100\"},\"event_ts\":\"1700000100.000200\",\"channel_type\":\"channel\"}",
                "{\"type\":\"message\",\"subtype\":\"message_deleted\",\"hidden\":true,\"channel\":\"" + channel + "\",\"ts\":\"1700000101.000200\","
                        + "\"deleted_ts\":\"1700000100.000100\",\"event_ts\":\"1700000101.000200\",\"channel_type\":\"channel\"}",
                "{\"type\":\"message\",\"subtype\":\"channel_join\",\"user\":\"U0USER00002\",\"text\":\"<@U0USER00002> has joined the channel\","
                        + "\"channel\":\"" + channel + "\",\"ts\":\"1700000102.000100\",\"event_ts\":\"1700000102.000100\",\"channel_type\":\"channel\"}",
                "{\"type\":\"message\",\"subtype\":\"bot_message\",\"bot_id\":\"B0OTHER0001\",\"text\":\"deployed\",\"username\":\"ci\","
                        + "\"channel\":\"" + channel + "\",\"ts\":\"1700000103.000100\",\"event_ts\":\"1700000103.000100\",\"channel_type\":\"channel\"}",
                "{\"type\":\"message\",\"subtype\":\"thread_broadcast\",\"user\":\"U0USER00001\",\"text\":\"also here\",\"thread_ts\":\"1700000100.000100\","
                        + "\"root\":{\"type\":\"message\",\"user\":\"U0USER00001\",\"text\":\"first\",\"ts\":\"1700000100.000100\"},"
                        + "\"channel\":\"" + channel + "\",\"ts\":\"1700000104.000100\",\"event_ts\":\"1700000104.000100\",\"channel_type\":\"channel\"}"};
        int n = 0;
        for (String event : events) {
            assertThat(harness.requests.event(eventCallback("EvSub" + (n++), event)).statusCode()).isEqualTo(200);
        }
        harness.settle();
        assertThat(logs.warnings()).isEmpty();
        assertThat(harness.api.calls("chat.postMessage")).isEmpty();
    }
}
