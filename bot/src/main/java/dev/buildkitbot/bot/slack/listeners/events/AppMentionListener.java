package dev.buildkitbot.bot.slack.listeners.events;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppMentionEvent;
import dev.buildkitbot.bot.slack.BotServices;
import dev.buildkitbot.bot.slack.listeners.Replies;

/** {@code @buildkit-bot how do I …}: answered in the thread of the mention. */
public final class AppMentionListener {
    private AppMentionListener() {
    }

    public static void register(App app, BotServices services) {
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent event = payload.getEvent();
            boolean fromBot = event.getBotId() != null || event.getUser() == null;
            if (!fromBot && services.dedupe().firstTime(event.getChannel() + ":" + event.getTs())) {
                String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
                Replies.answerLater(services, ctx.client(), event.getChannel(), thread, event.getText(), event.getUser());
            }
            return ctx.ack();
        });
    }
}
