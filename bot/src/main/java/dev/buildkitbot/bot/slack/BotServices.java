package dev.buildkitbot.bot.slack;

import dev.buildkitbot.bot.answer.AnswerComposer;
import dev.buildkitbot.bot.answer.ChannelHintPolicy;
import dev.buildkitbot.bot.report.Reports;
import dev.buildkitbot.bot.settings.Settings;
import dev.buildkitbot.knowledge.Knowledge;

import java.util.concurrent.ExecutorService;

/** What the Slack listeners work with, built once in {@link SlackApp}. */
public record BotServices(Settings settings, Knowledge knowledge, AnswerComposer composer, ChannelHintPolicy hints,
                          SlackPoster poster, EventDedupe dedupe, FeedbackLog feedback, ExecutorService workers,
                          Reports reports, ReportDelivery delivery, FileDownloader downloader,
                          dev.buildkitbot.bot.maintainer.Maintainers maintainers, dev.buildkitbot.bot.answer.UserRateLimit answerLimit) {

    /** Report sessions are per Slack user. */
    public static String owner(String user) {
        return "slack-" + user;
    }
}
