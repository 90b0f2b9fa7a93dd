package dev.buildkitbot.bot.slack.listeners.commands;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import dev.buildkitbot.bot.report.Reports;
import dev.buildkitbot.bot.slack.BotServices;
import dev.buildkitbot.bot.slack.listeners.Replies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * {@code /buildkit-report [new|cancel|help]}: the walkthrough runs in a DM with the user. The
 * command is acknowledged at once (ephemerally, so the channel sees nothing); the DM follows.
 */
public final class ReportCommand {
    public static final String COMMAND = "/buildkit-report";
    private static final Logger log = LoggerFactory.getLogger(ReportCommand.class);
    private static final int MAX_ARGS = 2_000;

    private ReportCommand() {
    }

    public static void register(App app, BotServices services) {
        app.command(COMMAND, (req, ctx) -> {
            String user = req.getPayload().getUserId();
            String raw = req.getPayload().getText() == null ? "" : req.getPayload().getText().strip();
            if (raw.length() > MAX_ARGS) {
                return ctx.ack("That is too long for a command. `" + COMMAND + " help` shows what it takes.");
            }
            String verb = raw.isEmpty() ? "" : raw.split("\\s+")[0].toLowerCase(Locale.ROOT);
            switch (verb) {
                case "", "start", "resume", "new", "restart", "cancel", "stop" -> {
                    MethodsClient client = ctx.client();
                    Replies.submit(services, () -> services.delivery().dm(client, user).ifPresentOrElse(
                            dm -> services.delivery().deliver(client, dm, null, services.reports().command(BotServices.owner(user), verb).replies()),
                            () -> log.warn("could not open a DM with {}", user)));
                    return ctx.ack(verb.equals("cancel") || verb.equals("stop") ? "Stopping your report (see our DM)."
                            : "I've sent you a direct message to walk you through the report.");
                }
                case "help" -> {
                    return ctx.ack(Reports.help());
                }
                default -> {
                    return ctx.ack("I don't know `" + verb.replace("`", "'") + "`. " + Reports.help());
                }
            }
        });
    }
}
