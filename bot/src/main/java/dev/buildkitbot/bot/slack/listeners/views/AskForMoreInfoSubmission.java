package dev.buildkitbot.bot.slack.listeners.views;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.ViewState;
import dev.buildkitbot.bot.maintainer.InfoRequest;
import dev.buildkitbot.bot.maintainer.RequestItem;
import dev.buildkitbot.bot.slack.BotServices;
import dev.buildkitbot.bot.slack.listeners.Replies;
import dev.buildkitbot.bot.slack.render.MaintainerMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The submitted "Ask for more info" modal: the request goes into the message's thread. */
public final class AskForMoreInfoSubmission {
    private static final Logger log = LoggerFactory.getLogger(AskForMoreInfoSubmission.class);

    private AskForMoreInfoSubmission() {
    }

    public static void register(App app, BotServices services) {
        app.viewSubmission(MaintainerMessages.MODAL_CALLBACK, (req, ctx) -> {
            var payload = req.getPayload();
            String maintainer = payload.getUser().getId();
            // Slack's own samples send "state": {} (no values): that is a form with nothing picked.
            ViewState state = payload.getView().getState();
            Map<String, Map<String, ViewState.Value>> values = state == null || state.getValues() == null ? Map.of() : state.getValues();
            List<RequestItem> items = new ArrayList<>();
            ViewState.Value selected = Objects.requireNonNullElse(values.get(MaintainerMessages.ITEMS_BLOCK), Map.<String, ViewState.Value>of()).get(MaintainerMessages.ITEMS_ACTION);
            if (selected != null && selected.getSelectedOptions() != null) {
                selected.getSelectedOptions().forEach(o -> RequestItem.of(o.getValue()).ifPresent(items::add));
            }
            if (items.isEmpty()) {
                return ctx.ackWithErrors(Map.of(MaintainerMessages.ITEMS_BLOCK, "Pick at least one thing to ask for."));
            }
            ViewState.Value noteValue = Objects.requireNonNullElse(values.get(MaintainerMessages.NOTE_BLOCK), Map.<String, ViewState.Value>of()).get(MaintainerMessages.NOTE_ACTION);
            String note = noteValue == null ? null : noteValue.getValue();
            String[] meta = payload.getView().getPrivateMetadata() == null ? new String[0] : payload.getView().getPrivateMetadata().split("\\|", -1);
            if (meta.length != 3) {
                return ctx.ackWithErrors(Map.of(MaintainerMessages.ITEMS_BLOCK, "This form lost track of its message; open it again from the message."));
            }
            MethodsClient client = ctx.client();
            Replies.submit(services, () -> {
                if (!services.maintainers().isMaintainer(maintainer)) {
                    log.atInfo().setMessage("refused maintainer action").addKeyValue("user", maintainer).addKeyValue("action", "ask_submit").log();
                    return;
                }
                InfoRequest request = new InfoRequest(meta[2], maintainer, meta[0], meta[1], items);
                services.poster().post(client, meta[0], meta[1], MaintainerMessages.request(request, note));
                log.atInfo().setMessage("maintainer asked for info").addKeyValue("maintainer", maintainer).addKeyValue("user", meta[2])
                        .addKeyValue("channel", meta[0]).addKeyValue("items", request.steps()).log();
            });
            return ctx.ack();
        });
    }
}
