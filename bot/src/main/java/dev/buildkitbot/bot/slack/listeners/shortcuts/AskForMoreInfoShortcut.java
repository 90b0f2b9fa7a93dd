package dev.buildkitbot.bot.slack.listeners.shortcuts;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import dev.buildkitbot.bot.slack.BotServices;
import dev.buildkitbot.bot.slack.listeners.Replies;
import dev.buildkitbot.bot.slack.render.MaintainerMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Message shortcut "Ask for more info": a maintainer picks, in a modal, what the message's author
 * should send. Anyone else gets an ephemeral refusal.
 */
public final class AskForMoreInfoShortcut {
    public static final String CALLBACK_ID = "ask_for_more_info";
    private static final Logger log = LoggerFactory.getLogger(AskForMoreInfoShortcut.class);

    private AskForMoreInfoShortcut() {
    }

    public static void register(App app, BotServices services) {
        app.messageShortcut(CALLBACK_ID, (req, ctx) -> {
            var payload = req.getPayload();
            String maintainer = payload.getUser().getId();
            if (payload.getChannel() == null || payload.getChannel().getId() == null || payload.getChannel().getId().isBlank()) {
                // Nowhere to post the request (nor a refusal): Slack always sends the channel of a real message.
                log.atInfo().setMessage("message shortcut without a channel").addKeyValue("user", maintainer).log();
                return ctx.ack();
            }
            String channel = payload.getChannel().getId();
            String messageTs = payload.getMessage() != null && payload.getMessage().getThreadTs() != null
                    ? payload.getMessage().getThreadTs() : payload.getMessageTs();
            String author = payload.getMessage() == null ? null : payload.getMessage().getUser();
            String trigger = payload.getTriggerId();
            MethodsClient client = ctx.client();
            Replies.submit(services, () -> {
                if (!services.maintainers().isMaintainer(maintainer)) {
                    Replies.ephemeral(client, channel, maintainer, "Only BuildKit maintainers can ask for more info with this shortcut.");
                    log.atInfo().setMessage("refused maintainer action").addKeyValue("user", maintainer).addKeyValue("action", CALLBACK_ID).log();
                    return;
                }
                if (author == null) {
                    Replies.ephemeral(client, channel, maintainer, "That message has no human author to ask.");
                    return;
                }
                try {
                    var response = client.viewsOpen(r -> r.triggerId(trigger).view(MaintainerMessages.modal(channel + "|" + messageTs + "|" + author)));
                    if (!response.isOk()) {
                        log.atWarn().setMessage("slack call failed").addKeyValue("method", "views.open").addKeyValue("error", response.getError()).log();
                    }
                } catch (Exception e) {
                    log.atWarn().setMessage("slack call failed").addKeyValue("method", "views.open").addKeyValue("error", e.toString()).log();
                }
            });
            return ctx.ack();
        });
    }
}
