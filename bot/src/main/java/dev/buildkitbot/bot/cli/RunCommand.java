package dev.buildkitbot.bot.cli;

import dev.buildkitbot.bot.settings.Settings;
import dev.buildkitbot.bot.settings.SettingsException;
import dev.buildkitbot.bot.slack.BackgroundSync;
import dev.buildkitbot.bot.slack.HttpMode;
import dev.buildkitbot.bot.slack.SlackApp;
import dev.buildkitbot.bot.slack.SocketMode;
import dev.buildkitbot.knowledge.Knowledge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the Slack app: Socket Mode when SLACK_APP_TOKEN is set, else HTTP on $PORT (/slack/events, /healthz).")
final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Settings settings;
        try {
            settings = Settings.load(System.getenv());
        } catch (SettingsException e) {
            throw new UserException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (settings.mode() == Settings.Mode.NOT_CONFIGURED) {
            out.println("""
                    buildkit-bot is not connected to Slack (no SLACK_BOT_TOKEN).
                    To connect it: create an app from config/manifest.yml at https://api.slack.com/apps, install it,
                    then set SLACK_BOT_TOKEN (xoxb-…) and either SLACK_APP_TOKEN (xapp-…, Socket Mode, no public URL)
                    or SLACK_SIGNING_SECRET (HTTP mode on $PORT, default 3000).
                    Offline, the same conversations run in a terminal (questions, and /buildkit-report for a guided report):
                      java -jar bot/target/buildkit-bot.jar console
                    or one-off:
                      java -jar bot/target/buildkit-bot.jar ask "my build hangs, what should I send?"
                      java -jar bot/target/buildkit-bot.jar similar "failed to compute cache key"
                    """);
            out.flush();
            return 0;
        }
        log.info("starting {}", settings);
        try (Knowledge knowledge = Knowledge.open(settings.dataDir(), settings.knowledgeOptions());
             SlackApp slackApp = new SlackApp(settings, knowledge);
             BackgroundSync sync = new BackgroundSync(settings, knowledge)) {
            slackApp.app().start();
            sync.start();
            if (settings.mode() == Settings.Mode.SOCKET) {
                try (SocketMode socket = new SocketMode(slackApp, settings.appToken())) {
                    log.info("connecting to Slack in Socket Mode");
                    socket.start();
                }
            } else {
                try (HttpMode http = new HttpMode(slackApp, new InetSocketAddress(settings.port()))) {
                    http.start();
                    log.info("listening for Slack on http://0.0.0.0:{}/slack/events (health: /healthz)", http.port());
                    http.join();
                }
            }
        }
        return 0;
    }
}
