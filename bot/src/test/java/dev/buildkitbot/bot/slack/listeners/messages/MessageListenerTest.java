package dev.buildkitbot.bot.slack.listeners.messages;

import dev.buildkitbot.bot.slack.FakeSlackApi;
import dev.buildkitbot.bot.slack.SlackAppHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.buildkitbot.bot.slack.SlackAppHarness.HINT_CHANNEL;
import static dev.buildkitbot.bot.slack.SlackAppHarness.eventCallback;
import static dev.buildkitbot.bot.slack.SlackAppHarness.mention;
import static dev.buildkitbot.bot.slack.SlackAppHarness.message;
import static org.assertj.core.api.Assertions.assertThat;

class MessageListenerTest {
    static final String PROBLEM = "Docker buildkit stuck with high CPU and unresponsive again today";
    SlackAppHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = new SlackAppHarness(Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    @Test
    void aConfidentProblemInAHintChannelGetsOneThreadedHint() throws Exception {
        harness.requests.event(eventCallback("Ev1001", message(HINT_CHANNEL, "channel", "1700000100.000100", PROBLEM, "")));

        FakeSlackApi.Call post = harness.api.await("chat.postMessage", c -> true, Duration.ofSeconds(10));
        assertThat(post.param("thread_ts")).isEqualTo("1700000100.000100");
        assertThat(post.param("blocks")).contains("moby/buildkit#4942").contains("hint_not_helpful");
    }

    @Test
    void anIssueTheMessageNamesIsNotHintedBack() throws Exception {
        harness.requests.event(eventCallback("Ev1101", message(HINT_CHANNEL, "channel", "1700000110.000100",
                PROBLEM + ", exactly like https://github.com/moby/buildkit/issues/4942", "")));
        harness.settle();

        assertThat(harness.api.calls("chat.postMessage")).allSatisfy(c -> assertThat(c.param("blocks")).doesNotContain("moby/buildkit#4942"));
    }

    @Test
    void subtypesBotsThreadRepliesAndOtherChannelsStayQuiet() throws Exception {
        String[] quiet = {
                message(HINT_CHANNEL, "channel", "1700000200.000001", PROBLEM, ",\"subtype\":\"bot_message\",\"bot_id\":\"B0OTHER0001\""),
                message(HINT_CHANNEL, "channel", "1700000200.000002", PROBLEM, ",\"subtype\":\"message_changed\""),
                message(HINT_CHANNEL, "channel", "1700000200.000003", PROBLEM, ",\"subtype\":\"message_deleted\""),
                message(HINT_CHANNEL, "channel", "1700000200.000004", PROBLEM, ",\"subtype\":\"channel_join\""),
                message(HINT_CHANNEL, "channel", "1700000200.000005", PROBLEM, ",\"thread_ts\":\"1700000100.000100\""),
                message("C0ELSEWHERE", "channel", "1700000200.000006", PROBLEM, ""),
                message(HINT_CHANNEL, "channel", "1700000200.000007", "thanks everyone, see you tomorrow", ""),
        };
        int i = 0;
        for (String event : quiet) {
            var response = harness.requests.event(eventCallback("Ev20" + (i++), event));
            assertThat(response.statusCode()).isEqualTo(200);
        }
        harness.settle();
        assertThat(harness.api.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void atMostOneHintPerUserWithinTheCooldown() throws Exception {
        harness.requests.event(eventCallback("Ev3001", message(HINT_CHANNEL, "channel", "1700000300.000100", PROBLEM, "")));
        harness.api.await("chat.postMessage", c -> true, Duration.ofSeconds(10));
        harness.requests.event(eventCallback("Ev3002", message(HINT_CHANNEL, "channel", "1700000301.000100",
                "Cache can't be exported to Quay.io: 401 Unauthorized error", "")));
        harness.settle();
        assertThat(harness.api.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void aMentionDeliveredAlsoAsAChannelMessageIsAnsweredOnce() throws Exception {
        String text = "<@UBOT0000001> " + PROBLEM;
        harness.requests.event(eventCallback("Ev4001", mention(HINT_CHANNEL, "1700000400.000100", text)));
        harness.requests.event(eventCallback("Ev4002", message(HINT_CHANNEL, "channel", "1700000400.000100", text, "")));
        harness.api.await("chat.postMessage", c -> true, Duration.ofSeconds(10));
        harness.settle();
        assertThat(harness.api.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void directMessagesAreAnswered() throws Exception {
        harness.requests.event(eventCallback("Ev5001", message("D0DM0000001", "im", "1700000500.000100",
                "what version information do you need for a bug report?", "")));
        FakeSlackApi.Call post = harness.api.await("chat.postMessage", c -> true, Duration.ofSeconds(10));
        assertThat(post.param("channel")).isEqualTo("D0DM0000001");
        assertThat(post.param("blocks")).contains("#describe-your-environment");
    }

    @Test
    void slackErrorsAreLoggedNotFatal() throws Exception {
        harness.api.errors.put("chat.postMessage", "not_in_channel");
        harness.requests.event(eventCallback("Ev6001", message("D0DM0000001", "im", "1700000600.000100", "how do I report a security issue?", "")));
        harness.api.await("chat.postMessage", c -> true, Duration.ofSeconds(10));
        harness.api.errors.clear();
        harness.requests.event(eventCallback("Ev6002", message("D0DM0000001", "im", "1700000601.000100", "how do I report a security issue?", "")));
        harness.api.await("chat.postMessage", c -> "1700000601.000100".equals(c.param("thread_ts")), Duration.ofSeconds(10));
    }
}
