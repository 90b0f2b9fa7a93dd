package dev.buildkitbot.bot.slack.listeners.actions;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import dev.buildkitbot.bot.report.engine.Input;
import dev.buildkitbot.bot.slack.BotServices;
import dev.buildkitbot.bot.slack.listeners.Replies;
import dev.buildkitbot.bot.slack.render.AnswerBlocks;
import dev.buildkitbot.bot.slack.render.ReportMessages;

import java.util.List;
import java.util.regex.Pattern;

/** A button of the walkthrough (kind, runtime, "this is my issue"…), fed to the user's session. */
public final class ReportChoiceAction {
    public static final Pattern ACTION_PATTERN = Pattern.compile(Pattern.quote(ReportMessages.CHOICE_ACTION_PREFIX) + "\\d+");

    private ReportChoiceAction() {
    }

    public static void register(App app, BotServices services) {
        app.blockAction(ACTION_PATTERN, (req, ctx) -> {
            var payload = req.getPayload();
            String user = payload.getUser().getId();
            String channel = payload.getChannel() != null ? payload.getChannel().getId() : null;
            String choice = payload.getActions().isEmpty() ? null : payload.getActions().get(0).getValue();
            MethodsClient client = ctx.client();
            if (channel != null && choice != null) {
                Replies.submit(services, () -> services.reports().input(BotServices.owner(user), new Input.Choice(choice))
                        .ifPresentOrElse(outcome -> services.delivery().deliver(client, channel, outcome),
                                () -> services.poster().post(client, channel, null, new AnswerBlocks.Message(
                                        "That report has ended (or expired). /buildkit-report starts a new one.", List.of()))));
            }
            return ctx.ack();
        });
    }
}
