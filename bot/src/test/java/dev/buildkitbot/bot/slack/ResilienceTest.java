package dev.buildkitbot.bot.slack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static dev.buildkitbot.bot.slack.SlackAppHarness.eventCallback;
import static dev.buildkitbot.bot.slack.SlackAppHarness.mention;
import static dev.buildkitbot.bot.slack.SlackAppHarness.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input, storms and Slack failures against the real app: each gets a clear answer (or a clean
 * refusal), nothing crashes, nothing is answered twice, and a good request afterwards still works.
 */
class ResilienceTest {
    static SlackAppHarness harness;
    static int seq;

    @BeforeAll
    static void start() throws Exception {
        harness = new SlackAppHarness(Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
    }

    @BeforeEach
    void clear() {
        harness.api.clear();
        harness.api.errors.clear();
    }

    /** After whatever happened, a fresh question still gets exactly one answer. */
    void stillAnswers() throws Exception {
        String ts = "1700900" + String.format("%03d", ++seq) + ".000100";
        String user = "U0FRESH" + String.format("%04d", seq);
        String event = "{\"type\":\"app_mention\",\"user\":\"" + user + "\",\"text\":\"<@UBOT0000001> how do I report a security issue\",\"ts\":\"" + ts
                + "\",\"channel\":\"C0OTHER0001\",\"event_ts\":\"" + ts + "\"}";
        assertThat(harness.requests.event(eventCallback("EvOk" + seq, event)).statusCode()).isEqualTo(200);
        harness.api.await("chat.postMessage", c -> ts.equals(c.param("thread_ts")), Duration.ofSeconds(10));
    }

    @Test
    void malformedPayloadsAreRefusedCleanly() throws Exception {
        HttpResponse<String> notJson = harness.requests.send("this is { not json", "application/json", SignedRequests.now(), Map.of(), SlackAppHarness.SECRET);
        assertThat(notJson.statusCode()).isEqualTo(400);
        HttpResponse<String> wrongType = harness.requests.send("<xml/>", "application/xml", SignedRequests.now(), Map.of(), SlackAppHarness.SECRET);
        assertThat(wrongType.statusCode()).isEqualTo(400);
        HttpResponse<String> tooBig = harness.requests.send("{\"a\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}", "application/json",
                SignedRequests.now(), Map.of(), SlackAppHarness.SECRET);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        HttpResponse<String> missing = harness.requests.event("{\"type\":\"event_callback\",\"event\":{\"type\":\"app_mention\"}}");
        assertThat(missing.statusCode()).isBetween(200, 499);
        HttpResponse<String> badForm = harness.requests.send("payload=%7Bnope", "application/x-www-form-urlencoded", SignedRequests.now(), Map.of(), SlackAppHarness.SECRET);
        assertThat(badForm.statusCode()).isBetween(400, 499);
        stillAnswers();
        assertThat(harness.api.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void hugeAndInvalidUtf8BodiesDoNotHurt() throws Exception {
        String big = "x".repeat(1_000_000);
        HttpResponse<String> huge = harness.requests.event(eventCallback("EvBig", message("C0OTHER0001", "channel", "1700800001.000100", big, "")));
        assertThat(huge.statusCode()).isEqualTo(200);
        String invalid = eventCallback("EvUtf", message("D0DMBAD0001", "im", "1700800002.000100", "caf\uD800 broken \uDFFF surrogate", ""));
        assertThat(harness.requests.event(invalid).statusCode()).isEqualTo(200);
        harness.api.await("chat.postMessage", c -> "D0DMBAD0001".equals(c.param("channel")), Duration.ofSeconds(10));
        stillAnswers();
    }

    @Test
    void theSameEventFiveTimesIsAnsweredOnce() throws Exception {
        String body = eventCallback("EvDup", mention("C0OTHER0001", "1700800100.000100", "<@UBOT0000001> how do I enable debug logs"));
        for (int i = 0; i < 5; i++) {
            assertThat((i == 0 ? harness.requests.event(body) : harness.requests.eventRetry(body, i)).statusCode()).isEqualTo(200);
        }
        harness.api.await("chat.postMessage", c -> true, Duration.ofSeconds(10));
        harness.settle();
        assertThat(harness.api.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void oneUserMentioningAHundredTimesHitsTheRateLimit() throws Exception {
        for (int i = 0; i < 100; i++) {
            String ts = "17008002" + String.format("%02d", i) + ".000100";
            String event = "{\"type\":\"app_mention\",\"user\":\"U0STORM0001\",\"text\":\"<@UBOT0000001> question " + i + " about buildkitd hangs\",\"ts\":\""
                    + ts + "\",\"channel\":\"C0OTHER0002\",\"event_ts\":\"" + ts + "\"}";
            assertThat(harness.requests.event(eventCallback("EvStorm" + i, event)).statusCode()).isEqualTo(200);
        }
        harness.api.await("chat.postMessage", c -> true, Duration.ofSeconds(10));
        Thread.sleep(1_500);
        assertThat(harness.api.calls("chat.postMessage")).hasSize(10)
                .extracting(c -> c.param("thread_ts")).doesNotHaveDuplicates();
        stillAnswers();
    }

    @Test
    void slackServerErrorsAreLoggedNotRetriedForeverAndNotFatal() throws Exception {
        harness.api.errors.put("chat.postMessage", "internal_error");
        harness.requests.event(eventCallback("Ev500", mention("C0OTHER0001", "1700800300.000100", "<@UBOT0000001> what is BUILDKIT_SCHEDULER_DEBUG")));
        harness.api.await("chat.postMessage", c -> true, Duration.ofSeconds(10));
        harness.settle();
        assertThat(harness.api.calls("chat.postMessage")).hasSize(1);
        harness.api.errors.clear();
        stillAnswers();
    }

    @Test
    void trickyUnicodeAndMarkupNeverReachAReplyUnescaped() throws Exception {
        String text = "<@UBOT0000001> <!here> <@U0VICTIM01> <https://evil.example|github.com> \u202Egnp.exe my build hangs\u200B";
        harness.requests.event(eventCallback("EvTricky", mention("C0OTHER0001", "1700800400.000100", text)));
        var post = harness.api.await("chat.postMessage", c -> true, Duration.ofSeconds(10));
        String all = post.param("text") + post.param("blocks");
        assertThat(all).doesNotContain("<!here>").doesNotContain("<@U0VICTIM01>").doesNotContain("evil.example|").doesNotContain("\u202E");
    }
}
