package dev.buildkitbot.bot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.buildkitbot.bot.slack.render.AnswerBlocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;

/**
 * Posts to Slack after the ack. A rate limit (429) is retried once after its Retry-After when that
 * is short; other errors ({@code channel_not_found}, {@code not_in_channel}, network) are logged
 * with the method and error and never crash anything.
 */
public final class SlackPoster {
    private static final Logger log = LoggerFactory.getLogger(SlackPoster.class);
    private static final long MAX_RETRY_WAIT_SECONDS = 30;

    /** @return the posted message's ts, or empty when Slack refused it */
    public Optional<String> post(MethodsClient client, String channel, String threadTs, AnswerBlocks.Message message) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                ChatPostMessageResponse response = client.chatPostMessage(r -> r.channel(channel).threadTs(threadTs)
                        .text(message.text()).blocks(message.blocks().isEmpty() ? null : message.blocks()).unfurlLinks(false).unfurlMedia(false));
                if (response.isOk()) {
                    return Optional.of(response.getTs());
                }
                log.atWarn().setMessage("slack call failed").addKeyValue("method", "chat.postMessage")
                        .addKeyValue("error", response.getError()).addKeyValue("channel", channel).log();
                return Optional.empty();
            } catch (SlackApiException e) {
                if (e.getResponse().code() == 429 && attempt == 0) {
                    long wait = retryAfter(e);
                    if (wait <= MAX_RETRY_WAIT_SECONDS) {
                        log.atInfo().setMessage("slack rate limited; retrying once").addKeyValue("method", "chat.postMessage")
                                .addKeyValue("retry_after_s", wait).log();
                        sleep(wait);
                        continue;
                    }
                }
                log.atWarn().setMessage("slack call failed").addKeyValue("method", "chat.postMessage")
                        .addKeyValue("status", e.getResponse().code()).addKeyValue("channel", channel).log();
                return Optional.empty();
            } catch (IOException e) {
                log.atWarn().setMessage("slack call failed").addKeyValue("method", "chat.postMessage")
                        .addKeyValue("error", e.toString()).addKeyValue("channel", channel).log();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    public void delete(MethodsClient client, String channel, String ts) {
        try {
            var response = client.chatDelete(r -> r.channel(channel).ts(ts));
            if (!response.isOk()) {
                log.atWarn().setMessage("slack call failed").addKeyValue("method", "chat.delete").addKeyValue("error", response.getError()).log();
            }
        } catch (IOException | SlackApiException e) {
            log.atWarn().setMessage("slack call failed").addKeyValue("method", "chat.delete").addKeyValue("error", e.toString()).log();
        }
    }

    private static long retryAfter(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        try {
            return header == null ? 1 : Long.parseLong(header.strip());
        } catch (NumberFormatException ignored) {
            return 1;
        }
    }

    private static void sleep(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
