package dev.buildkitbot.bot.slack.listeners.actions;

import dev.buildkitbot.bot.slack.SlackAppHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NotHelpfulActionTest {
    static SlackAppHarness harness;

    @BeforeAll
    static void start() throws Exception {
        harness = new SlackAppHarness(Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
    }

    @Test
    void removesTheHintAndRecordsTheClick() throws Exception {
        String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0000000001\"},\"user\":{\"id\":\"U0USER00002\"},"
                + "\"api_app_id\":\"A0000000001\",\"token\":\"x\",\"trigger_id\":\"1.2.3\","
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"1700000900.000200\",\"channel_id\":\"C0BUILDKIT1\"},"
                + "\"channel\":{\"id\":\"C0BUILDKIT1\",\"name\":\"buildkit\"},"
                + "\"actions\":[{\"action_id\":\"hint_not_helpful\",\"block_id\":\"b1\",\"value\":\"moby/buildkit#4942\",\"type\":\"button\",\"action_ts\":\"1700000901.1\"}]}";

        var response = harness.requests.interaction(payload);

        assertThat(response.statusCode()).isEqualTo(200);
        var delete = harness.api.await("chat.delete", c -> true, Duration.ofSeconds(10));
        assertThat(delete.param("channel")).isEqualTo("C0BUILDKIT1");
        assertThat(delete.param("ts")).isEqualTo("1700000900.000200");
        var feedback = harness.slackApp.services().feedback().file();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!Files.exists(feedback) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Files.readString(feedback)).contains("\"issue\":\"moby/buildkit#4942\"").contains("U0USER00002");
    }
}
