package dev.buildkitbot.bot.slack.listeners.commands;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import dev.buildkitbot.bot.report.Reports;
import dev.buildkitbot.bot.slack.BotServices;
import dev.buildkitbot.bot.slack.listeners.Replies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.buildkitbot.bot.maintainer.InfoRequest;
import dev.buildkitbot.bot.maintainer.RequestItem;
import dev.buildkitbot.bot.slack.render.MaintainerMessages;
import dev.buildkitbot.bot.slack.render.SlackText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /buildkit-report [new|cancel|help]}: the walkthrough runs in a DM with the user. The
 * command is acknowledged at once (ephemerally, so the channel sees nothing); the DM follows.
 */
public final class ReportCommand {
    public static final String COMMAND = "/buildkit-report";
    private static final Logger log = LoggerFactory.getLogger(ReportCommand.class);
    private static final int MAX_ARGS = 2_000;

    static final String MAINTAINER_HELP = "Maintainers: `/buildkit-report ask @user " + RequestItem.ids()
            + " [note]` asks someone for exactly that data (or use the message shortcut \"Ask for more info\"); "
            + "`/buildkit-report link moby/buildkit#1234` (or an issue URL) posts a card of that issue.";
    private static final Pattern ASK = Pattern.compile("(?s)^ask\\s+<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>\\s+([A-Za-z,-]+)\\s*(.*)$");
    private static final Pattern ISSUE_REF = Pattern.compile(
            "^(?:https://github\\.com/)?([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)?(?:#|/issues/|/pull/)(\\d{1,7})/?$");

    private ReportCommand() {
    }

    private static void maintainerCommand(BotServices services, MethodsClient client, String channel, String user, String verb, String raw) {
        if (!services.maintainers().isMaintainer(user)) {
            Replies.ephemeral(client, channel, user, "`/buildkit-report " + verb + "` is for BuildKit maintainers. " + Reports.help());
            log.atInfo().setMessage("refused maintainer action").addKeyValue("user", user).addKeyValue("action", verb).addKeyValue("channel", channel).log();
            return;
        }
        if (verb.equals("ask")) {
            Matcher m = ASK.matcher(raw);
            if (!m.matches()) {
                Replies.ephemeral(client, channel, user, "Usage: `/buildkit-report ask @user " + RequestItem.ids() + " [note]` (pick the user from the list so Slack sends their ID).");
                return;
            }
            List<String> unknown = new ArrayList<>();
            List<RequestItem> items = RequestItem.parse(m.group(2), unknown);
            if (!unknown.isEmpty() || items.isEmpty()) {
                Replies.ephemeral(client, channel, user, "I don't know " + String.join(", ", unknown) + ". Items: " + RequestItem.ids());
                return;
            }
            InfoRequest request = new InfoRequest(m.group(1), user, channel, null, items);
            services.poster().post(client, channel, null, MaintainerMessages.request(request, m.group(3)));
            log.atInfo().setMessage("maintainer asked for info").addKeyValue("maintainer", user).addKeyValue("user", m.group(1))
                    .addKeyValue("channel", channel).addKeyValue("items", request.steps()).log();
            return;
        }
        String ref = raw.substring("link".length()).strip();
        Matcher m = ISSUE_REF.matcher(ref);
        if (!m.matches()) {
            Replies.ephemeral(client, channel, user, "Usage: `/buildkit-report link moby/buildkit#1234` or an issue URL.");
            return;
        }
        String repo = m.group(1) == null ? "moby/buildkit" : m.group(1);
        int number = Integer.parseInt(m.group(2));
        var issue = services.knowledge().issue(repo, number);
        if (issue.isPresent()) {
            services.poster().post(client, channel, null, MaintainerMessages.card(issue.get()));
        } else {
            Replies.ephemeral(client, channel, user, "I don't know " + repo + "#" + number + " yet (issues sync every few minutes): "
                    + "https://github.com/" + repo + "/issues/" + number);
        }
        log.atInfo().setMessage("maintainer linked issue").addKeyValue("maintainer", user).addKeyValue("issue", repo + "#" + number)
                .addKeyValue("channel", channel).log();
    }

    public static void register(App app, BotServices services) {
        app.command(COMMAND, (req, ctx) -> {
            String user = req.getPayload().getUserId();
            String raw = req.getPayload().getText() == null ? "" : req.getPayload().getText().strip();
            if (raw.length() > MAX_ARGS) {
                return ctx.ack("That is too long for a command. `" + COMMAND + " help` shows what it takes.");
            }
            String verb = raw.isEmpty() ? "" : raw.split("\\s+")[0].toLowerCase(Locale.ROOT);
            String channel = req.getPayload().getChannelId();
            switch (verb) {
                case "", "start", "resume", "new", "restart", "cancel", "stop" -> {
                    MethodsClient client = ctx.client();
                    Replies.submit(services, () -> services.delivery().dm(client, user).ifPresentOrElse(
                            dm -> services.delivery().deliver(client, dm, services.reports().command(BotServices.owner(user), verb)),
                            () -> log.warn("could not open a DM with {}", user)));
                    return ctx.ack(verb.equals("cancel") || verb.equals("stop") ? "Stopping your report (see our DM)."
                            : "I've sent you a direct message to walk you through the report.");
                }
                case "help" -> {
                    MethodsClient client = ctx.client();
                    Replies.submit(services, () -> Replies.ephemeral(client, channel, user,
                            services.maintainers().isMaintainer(user) ? Reports.help() + "\n" + MAINTAINER_HELP : Reports.help()));
                    return ctx.ack();
                }
                case "ask", "link" -> {
                    MethodsClient client = ctx.client();
                    Replies.submit(services, () -> maintainerCommand(services, client, channel, user, verb, raw));
                    return ctx.ack();
                }
                default -> {
                    // Slack sends "@channel" typed here as <!channel>: escaped, it reads as text and pings nobody.
                    return ctx.ack("I don't know `" + SlackText.escape(SlackText.truncate(verb, 40)).replace("`", "'") + "`. " + Reports.help());
                }
            }
        });
    }
}
