package dev.buildkitbot.bot.slack.listeners.actions;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import dev.buildkitbot.bot.slack.BotServices;
import dev.buildkitbot.bot.slack.listeners.Replies;

/** "Start a report" under an answer: the walkthrough opens in a DM with whoever clicked. */
public final class StartReportAction {
    public static final String ACTION_ID = dev.buildkitbot.bot.slack.render.AnswerBlocks.START_REPORT_ACTION;

    private StartReportAction() {
    }

    public static void register(App app, BotServices services) {
        app.blockAction(ACTION_ID, (req, ctx) -> {
            String user = req.getPayload().getUser().getId();
            MethodsClient client = ctx.client();
            Replies.submit(services, () -> services.delivery().dm(client, user).ifPresent(dm ->
                    services.delivery().deliver(client, dm, services.reports().command(BotServices.owner(user), ""))));
            return ctx.ack();
        });
    }
}
