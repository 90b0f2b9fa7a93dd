package dev.buildkitbot.bot.slack.listeners.events;

import com.slack.api.bolt.App;
import com.slack.api.model.event.Event;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageChannelArchiveEvent;
import com.slack.api.model.event.MessageChannelConvertToPublicEvent;
import com.slack.api.model.event.MessageChannelJoinEvent;
import com.slack.api.model.event.MessageChannelLeaveEvent;
import com.slack.api.model.event.MessageChannelNameEvent;
import com.slack.api.model.event.MessageChannelPostingPermissionsEvent;
import com.slack.api.model.event.MessageChannelPurposeEvent;
import com.slack.api.model.event.MessageChannelTopicEvent;
import com.slack.api.model.event.MessageChannelUnarchiveEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEkmAccessDeniedEvent;
import com.slack.api.model.event.MessageGroupTopicEvent;
import com.slack.api.model.event.MessageMeEvent;
import com.slack.api.model.event.MessageMetadataDeletedEvent;
import com.slack.api.model.event.MessageMetadataPostedEvent;
import com.slack.api.model.event.MessageMetadataUpdatedEvent;
import com.slack.api.model.event.MessageRepliedEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;

import java.util.List;

/**
 * The message subtypes a channel and a DM deliver that the bot has nothing to say to (edits,
 * deletes, joins, topic changes, other bots' posts). Acknowledged without a word: without a
 * handler, Bolt logs a multi-line warning with a code suggestion for each one.
 */
public final class IgnoredEvents {
    static final List<Class<? extends Event>> TYPES = List.of(MessageBotEvent.class, MessageChangedEvent.class,
            MessageChannelArchiveEvent.class, MessageChannelConvertToPublicEvent.class, MessageChannelJoinEvent.class,
            MessageChannelLeaveEvent.class, MessageChannelNameEvent.class, MessageChannelPostingPermissionsEvent.class,
            MessageChannelPurposeEvent.class, MessageChannelTopicEvent.class, MessageChannelUnarchiveEvent.class,
            MessageDeletedEvent.class, MessageEkmAccessDeniedEvent.class, MessageGroupTopicEvent.class, MessageMeEvent.class,
            MessageMetadataDeletedEvent.class, MessageMetadataPostedEvent.class, MessageMetadataUpdatedEvent.class,
            MessageRepliedEvent.class, MessageThreadBroadcastEvent.class);

    private IgnoredEvents() {
    }

    public static void register(App app) {
        for (Class<? extends Event> type : TYPES) {
            app.event(type, (payload, ctx) -> ctx.ack());
        }
    }
}
