package dev.buildkitbot.bot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import dev.buildkitbot.bot.report.engine.Reply;
import dev.buildkitbot.bot.slack.render.AnswerBlocks;
import dev.buildkitbot.bot.slack.render.ReportMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Posts walkthrough replies in a user's DM (or a thread): messages in order, files uploaded. */
public final class ReportDelivery {
    private static final Logger log = LoggerFactory.getLogger(ReportDelivery.class);
    private final SlackPoster poster;

    public ReportDelivery(SlackPoster poster) {
        this.poster = poster;
    }

    /** The DM channel with a user, opened if needed. */
    public Optional<String> dm(MethodsClient client, String user) {
        try {
            var response = client.conversationsOpen(r -> r.users(List.of(user)));
            if (response.isOk() && response.getChannel() != null) {
                return Optional.of(response.getChannel().getId());
            }
            log.atWarn().setMessage("slack call failed").addKeyValue("method", "conversations.open").addKeyValue("error", response.getError()).log();
        } catch (IOException | SlackApiException e) {
            log.atWarn().setMessage("slack call failed").addKeyValue("method", "conversations.open").addKeyValue("error", e.toString()).log();
        }
        return Optional.empty();
    }

    /**
     * Delivers an outcome and, when it ends a capture a maintainer asked for, posts what was
     * captured in the thread of the request, telling that maintainer.
     */
    public void deliver(MethodsClient client, String channel, dev.buildkitbot.bot.report.engine.Outcome outcome) {
        deliver(client, channel, null, outcome.replies());
        dev.buildkitbot.bot.report.engine.Session session = outcome.session();
        if (!session.active() && session.requestedBy() != null && session.origin() != null) {
            String[] origin = session.origin().split("\\|", -1);
            String thread = origin.length > 1 && !origin[1].isEmpty() ? origin[1] : null;
            poster.post(client, origin[0], thread, dev.buildkitbot.bot.slack.render.MaintainerMessages.followUp(session));
            session.captures().forEach((step, capture) ->
                    upload(client, origin[0], thread, new ReportMessages.Upload(step + ".txt", capture.text())));
            log.atInfo().setMessage("capture reported back").addKeyValue("maintainer", session.requestedBy())
                    .addKeyValue("user", session.owner()).addKeyValue("phase", session.phase()).log();
        }
    }

    public void deliver(MethodsClient client, String channel, String threadTs, List<Reply> replies) {
        for (ReportMessages.Part part : ReportMessages.render(replies)) {
            if (part instanceof ReportMessages.Message m) {
                poster.post(client, channel, threadTs, new AnswerBlocks.Message(m.text(), m.blocks()));
            } else if (part instanceof ReportMessages.Upload u) {
                upload(client, channel, threadTs, u);
            }
        }
    }

    private void upload(MethodsClient client, String channel, String threadTs, ReportMessages.Upload file) {
        try {
            var response = client.filesUploadV2(r -> r.channel(channel).threadTs(threadTs).filename(file.name()).title(file.name())
                    .fileData(file.content().getBytes(StandardCharsets.UTF_8)));
            if (response.isOk()) {
                return;
            }
            log.atWarn().setMessage("slack call failed").addKeyValue("method", "files.uploadV2").addKeyValue("error", response.getError()).log();
        } catch (IOException | SlackApiException e) {
            log.atWarn().setMessage("slack call failed").addKeyValue("method", "files.uploadV2").addKeyValue("error", e.toString()).log();
        }
        poster.post(client, channel, threadTs, new AnswerBlocks.Message("I could not upload " + file.name()
                + " here; the capture is kept in your report session, try /buildkit-report again later.", List.of()));
    }
}
