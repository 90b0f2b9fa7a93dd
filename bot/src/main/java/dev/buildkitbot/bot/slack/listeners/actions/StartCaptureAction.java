package dev.buildkitbot.bot.slack.listeners.actions;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import dev.buildkitbot.bot.maintainer.InfoRequest;
import dev.buildkitbot.bot.slack.BotServices;
import dev.buildkitbot.bot.slack.listeners.Replies;
import dev.buildkitbot.bot.slack.render.MaintainerMessages;

/** "Start guided capture" under a maintainer's request: only the asked user may start it. */
public final class StartCaptureAction {
    public static final String ACTION_ID = MaintainerMessages.START_CAPTURE_ACTION;

    private StartCaptureAction() {
    }

    public static void register(App app, BotServices services) {
        app.blockAction(ACTION_ID, (req, ctx) -> {
            var payload = req.getPayload();
            String clicker = payload.getUser().getId();
            String channel = payload.getChannel() == null ? null : payload.getChannel().getId();
            String value = payload.getActions().isEmpty() ? "" : payload.getActions().get(0).getValue();
            MethodsClient client = ctx.client();
            Replies.submit(services, () -> {
                InfoRequest request;
                try {
                    request = InfoRequest.decode(value);
                } catch (IllegalArgumentException e) {
                    Replies.ephemeral(client, channel, clicker, "This request is malformed; ask the maintainer to send it again.");
                    return;
                }
                if (!clicker.equals(request.user())) {
                    Replies.ephemeral(client, channel, clicker, "This is for <@" + request.user() + ">.");
                    return;
                }
                services.delivery().dm(client, clicker).ifPresent(dm -> services.delivery().deliver(client, dm,
                        services.reports().requested(BotServices.owner(clicker), request.steps(), request.maintainer(), request.origin())));
            });
            return ctx.ack();
        });
    }
}
