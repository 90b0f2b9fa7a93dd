package dev.buildkitbot.bot.slack.listeners.events;

import dev.buildkitbot.bot.slack.FakeSlackApi;
import dev.buildkitbot.bot.slack.SignedRequests;
import dev.buildkitbot.bot.slack.SlackAppHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static dev.buildkitbot.bot.slack.SlackAppHarness.eventCallback;
import static dev.buildkitbot.bot.slack.SlackAppHarness.mention;
import static org.assertj.core.api.Assertions.assertThat;

class AppMentionListenerTest {
    static SlackAppHarness harness;

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
    }

    @Test
    void startupCallsAuthTestAndHealthzAnswers() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(harness.base().resolve("/healthz")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void urlVerificationEchoesTheChallenge() throws Exception {
        HttpResponse<String> response = harness.requests.event("{\"token\":\"x\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void aMentionedQuestionGetsOneThreadedAnswerLinkingTheGuideAnchorAndARetryGetsNothing() throws Exception {
        String body = eventCallback("Ev0001", mention("C0OTHER0001", "1700000001.000100",
                "<@UBOT0000001> how do I get a stack trace when buildkitd hangs"));

        HttpResponse<String> first = harness.requests.event(body);
        assertThat(first.statusCode()).isEqualTo(200);
        FakeSlackApi.Call post = harness.api.await("chat.postMessage", c -> true, Duration.ofSeconds(10));
        assertThat(post.param("channel")).isEqualTo("C0OTHER0001");
        assertThat(post.param("thread_ts")).isEqualTo("1700000001.000100");
        assertThat(post.param("blocks")).contains("https://github.com/moby/buildkit/blob/master/.github/issue_reporting_guide.md#reporting-deadlock");
        assertThat(post.param("_auth")).isEqualTo("Bearer " + SlackAppHarness.BOT_TOKEN);

        HttpResponse<String> retry = harness.requests.eventRetry(body, 1);
        assertThat(retry.statusCode()).isEqualTo(200);
        harness.settle();
        assertThat(harness.api.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void anOffTopicMentionGetsAnHonestNoAnswerNotAGuess() throws Exception {
        harness.requests.event(eventCallback("Ev0002", mention("C0OTHER0001", "1700000002.000100", "<@UBOT0000001> best banana bread recipe")));
        FakeSlackApi.Call post = harness.api.await("chat.postMessage", c -> true, Duration.ofSeconds(10));
        assertThat(post.param("text")).contains("couldn't find");
        assertThat(post.param("blocks")).doesNotContain("issue_reporting_guide.md#").contains("/buildkit-report");
    }

    @Test
    void aBadSignatureOrAStaleTimestampIsRejected() throws Exception {
        String body = eventCallback("Ev0003", mention("C0OTHER0001", "1700000003.000100", "<@UBOT0000001> how do I report a security issue"));
        var forged = harness.requests.send(body, "application/json", SignedRequests.now(), Map.of(), "not-the-secret");
        assertThat(forged.statusCode()).isEqualTo(401);
        var stale = harness.requests.send(body, "application/json", SignedRequests.now() - 6 * 60, Map.of(), SlackAppHarness.SECRET);
        assertThat(stale.statusCode()).isEqualTo(401);
        harness.settle();
        assertThat(harness.api.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void userTextIsNeverEchoedUnescaped() throws Exception {
        harness.requests.event(eventCallback("Ev0004", mention("C0OTHER0001", "1700000004.000100",
                "<@UBOT0000001> <!channel> my build hangs <https://evil.example|github.com> what should I send?")));
        FakeSlackApi.Call post = harness.api.await("chat.postMessage", c -> true, Duration.ofSeconds(10));
        assertThat(post.param("blocks") + post.param("text")).doesNotContain("<!channel>").doesNotContain("evil.example|");
    }

    @Test
    void aRateLimitedPostIsRetriedOnceAfterRetryAfter() throws Exception {
        harness.api.rateLimitTimes.put("chat.postMessage", 1);
        harness.requests.event(eventCallback("Ev0005", mention("C0OTHER0001", "1700000005.000100", "<@UBOT0000001> how do I enable debug logs for buildkitd")));
        harness.api.await("chat.postMessage", c -> true, Duration.ofSeconds(10));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (harness.api.calls("chat.postMessage").size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        harness.settle();
        assertThat(harness.api.calls("chat.postMessage")).hasSize(2);
    }
}
