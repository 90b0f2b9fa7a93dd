package dev.buildkitbot.bot.slack.listeners.messages;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.MessageEvent;
import dev.buildkitbot.bot.report.engine.Input;
import dev.buildkitbot.bot.slack.BotServices;
import dev.buildkitbot.bot.slack.listeners.Replies;
import dev.buildkitbot.bot.slack.render.AnswerBlocks;
import dev.buildkitbot.bot.slack.render.SlackText;
import dev.buildkitbot.knowledge.ask.Answer;
import dev.buildkitbot.knowledge.similar.DuplicateFinder;
import dev.buildkitbot.knowledge.similar.IssueReferences;
import dev.buildkitbot.knowledge.similar.IssueMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Plain messages. In a DM, every message from a person is a question. In a hint channel, only a new
 * top-level message from a person that reads like a problem is considered, and it gets a threaded
 * hint only when a known issue matches it confidently. Edits, deletes, joins and bot posts arrive
 * as other event types and are acknowledged without a word.
 */
public final class MessageListener {
    private static final Logger log = LoggerFactory.getLogger(MessageListener.class);

    private MessageListener() {
    }

    public static void register(App app, BotServices services) {
        app.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent event = payload.getEvent();
            String botUser = ctx.getBotUserId();
            boolean fromPerson = event.getUser() != null && event.getBotId() == null && !event.getUser().equals(botUser);
            if (!fromPerson) {
                return ctx.ack();
            }
            if ("im".equals(event.getChannelType())) {
                if (services.dedupe().firstTime(event.getChannel() + ":" + event.getTs())) {
                    MethodsClient client = ctx.client();
                    // In a DM, a message is walkthrough input while a report is in progress, else a question.
                    Replies.submit(services, () -> services.reports().input(BotServices.owner(event.getUser()),
                                    new Input.Text(SlackText.unescape(event.getText())))
                            .ifPresentOrElse(outcome -> services.delivery().deliver(client, event.getChannel(), outcome),
                                    () -> {
                                        if (services.answerLimit().tryAcquire(event.getUser())) {
                                            Replies.answerNow(services, client, event.getChannel(),
                                                    event.getThreadTs() != null ? event.getThreadTs() : event.getTs(), event.getText(), event.getUser());
                                        }
                                    }));
                }
                return ctx.ack();
            }
            boolean mentionsBot = botUser != null && event.getText() != null && event.getText().contains("<@" + botUser + ">");
            boolean topLevel = event.getThreadTs() == null || event.getThreadTs().equals(event.getTs());
            if (!mentionsBot && topLevel && services.settings().channels().contains(event.getChannel())
                    && services.dedupe().firstTime(event.getChannel() + ":" + event.getTs())) {
                MethodsClient client = ctx.client();
                // Reading the text (patterns over up to 20,000 characters) happens after the ack.
                Replies.submit(services, () -> {
                    if (services.hints().isCandidate(event.getUser(), event.getBotId(), null, event.getThreadTs(), event.getTs(), event.getText())) {
                        hint(services, client, event);
                    }
                });
            }
            return ctx.ack();
        });
    }

    private static void hint(BotServices services, MethodsClient client, MessageEvent event) {
        String text = SlackText.unescape(event.getText());
        // An issue the message names is one its author already knows: hint another one, or nothing.
        List<IssueReferences.Reference> named = IssueReferences.in(text);
        List<IssueMatch> matches = services.knowledge().similar(text, DuplicateFinder.Options.top(1 + named.size())).stream()
                .filter(m -> named.stream().noneMatch(r -> r.names(m.repo(), m.number()))).limit(1).toList();
        services.hints().decide(event.getChannel(), event.getTs(), event.getUser(), matches).ifPresentOrElse(match -> {
            List<Answer> guide = services.knowledge().ask(text).stream().filter(a -> "guide".equals(a.source())).toList();
            services.poster().post(client, event.getChannel(), event.getTs(), AnswerBlocks.hint(match, guide.isEmpty() ? null : guide.get(0)));
            log.atInfo().setMessage("hinted").addKeyValue("channel", event.getChannel()).addKeyValue("issue", match.reference())
                    .addKeyValue("confidence", match.confidence()).log();
        }, () -> log.atDebug().setMessage("stayed quiet").addKeyValue("channel", event.getChannel())
                .addKeyValue("best", matches.isEmpty() ? 0 : matches.get(0).confidence()).log());
    }
}
