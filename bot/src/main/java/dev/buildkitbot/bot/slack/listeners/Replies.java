package dev.buildkitbot.bot.slack.listeners;

import com.slack.api.methods.MethodsClient;
import dev.buildkitbot.bot.answer.AnswerReply;
import dev.buildkitbot.bot.slack.BotServices;
import dev.buildkitbot.bot.slack.render.AnswerBlocks;
import dev.buildkitbot.bot.slack.render.SlackText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.RejectedExecutionException;

/** The work behind a question, run after the ack: search, render, post in the thread. */
public final class Replies {
    private static final Logger log = LoggerFactory.getLogger(Replies.class);

    private Replies() {
    }

    public static void answerLater(BotServices services, MethodsClient client, String channel, String threadTs, String rawText, String user) {
        if (!services.answerLimit().tryAcquire(user)) {
            log.atInfo().setMessage("answer rate limit reached; staying quiet").addKeyValue("user", user).addKeyValue("channel", channel).log();
            return;
        }
        submit(services, () -> answerNow(services, client, channel, threadTs, rawText, user));
    }

    /** On a worker thread already. */
    public static void answerNow(BotServices services, MethodsClient client, String channel, String threadTs, String rawText, String user) {
        long start = System.nanoTime();
        String question = SlackText.unescape(SlackText.withoutMentions(rawText));
        AnswerReply reply = services.composer().compose(question);
        services.poster().post(client, channel, threadTs, AnswerBlocks.answer(reply));
        log.atInfo().setMessage("answered").addKeyValue("channel", channel).addKeyValue("user", user)
                .addKeyValue("answers", reply.answers().size()).addKeyValue("related", reply.related().size())
                .addKeyValue("ms", (System.nanoTime() - start) / 1_000_000).log();
    }

    /** A message only {@code user} sees; failures are logged, never thrown. */
    public static void ephemeral(MethodsClient client, String channel, String user, String text) {
        try {
            var response = client.chatPostEphemeral(r -> r.channel(channel).user(user).text(text));
            if (!response.isOk()) {
                log.atWarn().setMessage("slack call failed").addKeyValue("method", "chat.postEphemeral").addKeyValue("error", response.getError()).log();
            }
        } catch (Exception e) {
            log.atWarn().setMessage("slack call failed").addKeyValue("method", "chat.postEphemeral").addKeyValue("error", e.toString()).log();
        }
    }

    /** Hands work to the workers; when they are saturated the message is dropped with a log line, never the ack. */
    public static void submit(BotServices services, Runnable work) {
        try {
            services.workers().execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException | Error e) {
                    log.error("background work failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("workers are saturated; dropping one piece of work");
        }
    }
}
