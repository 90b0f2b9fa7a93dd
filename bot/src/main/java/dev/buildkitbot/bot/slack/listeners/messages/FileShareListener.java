package dev.buildkitbot.bot.slack.listeners.messages;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.File;
import com.slack.api.model.event.MessageFileShareEvent;
import dev.buildkitbot.bot.report.engine.Input;
import dev.buildkitbot.bot.slack.BotServices;
import dev.buildkitbot.bot.slack.FileDownloader;
import dev.buildkitbot.bot.slack.listeners.Replies;
import dev.buildkitbot.bot.slack.render.AnswerBlocks;

import java.util.List;

/** A file uploaded in a DM during a report: downloaded after the ack and given to the walkthrough. */
public final class FileShareListener {
    private FileShareListener() {
    }

    public static void register(App app, BotServices services) {
        app.event(MessageFileShareEvent.class, (payload, ctx) -> {
            MessageFileShareEvent event = payload.getEvent();
            // The bot's own uploads (a long dump handed back) arrive here too.
            boolean fromBot = event.getUser() == null || event.getUser().equals(ctx.getBotUserId());
            if (!"im".equals(event.getChannelType()) || fromBot || event.getFiles() == null
                    || !services.dedupe().firstTime(event.getChannel() + ":" + event.getTs())) {
                return ctx.ack();
            }
            MethodsClient client = ctx.client();
            String owner = BotServices.owner(event.getUser());
            Replies.submit(services, () -> {
                if (services.reports().active(owner).isEmpty()) {
                    services.poster().post(client, event.getChannel(), null, new AnswerBlocks.Message(
                            "Thanks, but there is no report in progress: /buildkit-report starts one, then upload the file when I ask for it.", List.of()));
                    return;
                }
                for (File file : event.getFiles()) {
                    FileDownloader.Result result = services.downloader().download(file.getUrlPrivateDownload(), file.getSize());
                    if (result instanceof FileDownloader.Refused refused) {
                        services.poster().post(client, event.getChannel(), null, new AnswerBlocks.Message(refused.reason(), List.of()));
                        continue;
                    }
                    byte[] content = ((FileDownloader.Downloaded) result).content();
                    services.reports().input(owner, new Input.Upload(file.getName() == null ? "upload.txt" : file.getName(), content))
                            .ifPresent(outcome -> services.delivery().deliver(client, event.getChannel(), outcome));
                }
            });
            return ctx.ack();
        });
    }
}
