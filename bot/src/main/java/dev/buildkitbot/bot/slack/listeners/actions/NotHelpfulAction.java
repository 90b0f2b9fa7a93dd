package dev.buildkitbot.bot.slack.listeners.actions;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import dev.buildkitbot.bot.slack.BotServices;
import dev.buildkitbot.bot.slack.listeners.Replies;
import dev.buildkitbot.bot.slack.render.AnswerBlocks;

/** "Not helpful" under a hint: the hint goes away and the click is recorded. */
public final class NotHelpfulAction {
    public static final String ACTION_ID = AnswerBlocks.NOT_HELPFUL_ACTION;

    private NotHelpfulAction() {
    }

    public static void register(App app, BotServices services) {
        app.blockAction(ACTION_ID, (req, ctx) -> {
            var payload = req.getPayload();
            String channel = payload.getChannel() != null ? payload.getChannel().getId() : null;
            String ts = payload.getContainer() != null ? payload.getContainer().getMessageTs() : null;
            String issue = payload.getActions().isEmpty() ? null : payload.getActions().get(0).getValue();
            String user = payload.getUser() != null ? payload.getUser().getId() : null;
            MethodsClient client = ctx.client();
            if (channel != null && ts != null) {
                Replies.submit(services, () -> {
                    services.feedback().notHelpful(user, channel, issue);
                    services.poster().delete(client, channel, ts);
                });
            }
            return ctx.ack();
        });
    }
}
