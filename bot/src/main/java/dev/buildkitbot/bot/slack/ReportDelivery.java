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
                    .fileData(file.content().getBytes(StandardCharsets.UTF_8)).initialComment("Attach " + file.name() + " to the issue."));
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
