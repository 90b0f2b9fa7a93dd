package dev.buildkitbot.bot.slack.listeners;

import com.slack.api.bolt.App;
import dev.buildkitbot.bot.slack.BotServices;
import dev.buildkitbot.bot.slack.listeners.actions.NotHelpfulAction;
import dev.buildkitbot.bot.slack.listeners.actions.ReportChoiceAction;
import dev.buildkitbot.bot.slack.listeners.actions.StartCaptureAction;
import dev.buildkitbot.bot.slack.listeners.shortcuts.AskForMoreInfoShortcut;
import dev.buildkitbot.bot.slack.listeners.views.AskForMoreInfoSubmission;
import dev.buildkitbot.bot.slack.listeners.actions.StartReportAction;
import dev.buildkitbot.bot.slack.listeners.commands.ReportCommand;
import dev.buildkitbot.bot.slack.listeners.messages.FileShareListener;
import dev.buildkitbot.bot.slack.listeners.events.AppMentionListener;
import dev.buildkitbot.bot.slack.listeners.events.IgnoredEvents;
import dev.buildkitbot.bot.slack.listeners.messages.MessageListener;

import java.util.Set;

/** Registers every surface's handlers, one package per surface (as Slack's starter templates do). */
public final class Listeners {
    private Listeners() {
    }

    public static Registrations register(App app, BotServices services) {
        AppMentionListener.register(app, services);
        MessageListener.register(app, services);
        FileShareListener.register(app, services);
        NotHelpfulAction.register(app, services);
        ReportChoiceAction.register(app, services);
        StartReportAction.register(app, services);
        ReportCommand.register(app, services);
        StartCaptureAction.register(app, services);
        AskForMoreInfoShortcut.register(app, services);
        AskForMoreInfoSubmission.register(app, services);
        IgnoredEvents.register(app);
        return new Registrations(Set.of("app_mention", "message.im", "message.channels"), Set.of(ReportCommand.COMMAND),
                Set.of(AskForMoreInfoShortcut.CALLBACK_ID),
                Set.of(NotHelpfulAction.ACTION_ID, ReportChoiceAction.ACTION_PATTERN.pattern(), StartReportAction.ACTION_ID, StartCaptureAction.ACTION_ID));
    }
}
