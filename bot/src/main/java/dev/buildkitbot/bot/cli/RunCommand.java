package dev.buildkitbot.bot.cli;

import dev.buildkitbot.bot.settings.Settings;
import dev.buildkitbot.bot.settings.SettingsException;
import dev.buildkitbot.bot.slack.BackgroundSync;
import dev.buildkitbot.bot.slack.HttpMode;
import dev.buildkitbot.bot.slack.SlackApp;
import dev.buildkitbot.bot.slack.SlackReachability;
import dev.buildkitbot.bot.slack.SocketMode;
import dev.buildkitbot.knowledge.Knowledge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the Slack app: Socket Mode when SLACK_APP_TOKEN is set, else HTTP on $PORT (/slack/events, /healthz).",
        footerHeading = "%nEnvironment:%n",
        footer = {
                "  SLACK_BOT_TOKEN        xoxb-… bot token (OAuth & Permissions, after installing the app); required",
                "  SLACK_APP_TOKEN        xapp-… app-level token with connections:write (Basic Information → App-Level Tokens): Socket Mode",
                "  SLACK_SIGNING_SECRET   HTTP mode instead (Basic Information → Signing Secret); PORT (default 3000)",
                "  BUILDKIT_BOT_CHANNELS  channel IDs for duplicate hints, comma-separated (channel details → bottom: C…)",
                "  BUILDKIT_BOT_MAINTAINERS, BUILDKIT_BOT_MAINTAINER_GROUP  who may use the maintainer tools",
                "  BUILDKIT_BOT_DATA      data directory (or --data); GITHUB_TOKEN for sync; BUILDKIT_BOT_VECTORS=off; BUILDKIT_BOT_LOG_LEVEL",
                "Exit codes: 0 stopped cleanly, 2 not configured, a bad setting or a token Slack refused, 5 Slack's API unreachable, 1 an unexpected failure."})
final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Spec
    CommandSpec spec;

    private final java.util.Map<String, String> environment;

    RunCommand() {
        this(System.getenv());
    }

    RunCommand(java.util.Map<String, String> environment) {
        this.environment = java.util.Map.copyOf(environment);
    }

    @picocli.CommandLine.Option(names = "--data", paramLabel = "DIR",
            description = "Data directory (index, issues, sessions). Default: $BUILDKIT_BOT_DATA or ./data")
    java.nio.file.Path data;

    /** Slack's API could not be reached (documented in the README with the other exit codes). */
    static final int EXIT_UNREACHABLE = 5;

    @Override
    public Integer call() throws Exception {
        Settings settings;
        try {
            java.util.Map<String, String> env = new java.util.HashMap<>(environment);
            if (data != null) {
                env.put("BUILDKIT_BOT_DATA", data.toString());
            }
            settings = Settings.load(env);
        } catch (SettingsException e) {
            throw new UserException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (settings.mode() == Settings.Mode.NOT_CONFIGURED) {
            out.println("""
                    buildkit-bot is not connected to Slack (no SLACK_BOT_TOKEN), so it did not start (exit code 2).
                    To connect it: create an app from config/manifest.yml at https://api.slack.com/apps, install it,
                    then set SLACK_BOT_TOKEN (xoxb-…) and either SLACK_APP_TOKEN (xapp-…, an app-level token with
                    connections:write: Socket Mode, no public URL) or SLACK_SIGNING_SECRET (HTTP mode on $PORT, default 3000).
                    `run --help` lists every setting.
                    Offline, the same conversations run in a terminal (questions, and /buildkit-report for a guided report):
                      java -jar bot/target/buildkit-bot.jar console
                    or one-off:
                      java -jar bot/target/buildkit-bot.jar ask "my build hangs, what should I send?"
                      java -jar bot/target/buildkit-bot.jar similar "failed to compute cache key"
                    """);
            out.flush();
            // A container started without its tokens must not look healthy.
            return 2;
        }
        log.info("starting {}", settings);
        try (Knowledge knowledge = Knowledge.open(settings.dataDir(), settings.knowledgeOptions());
             SlackApp slackApp = new SlackApp(settings, knowledge);
             BackgroundSync sync = new BackgroundSync(settings, knowledge)) {
            Optional<SlackReachability.Problem> problem = slackApp.reachability();
            if (problem.isPresent()) {
                spec.commandLine().getErr().println("error: " + problem.get().message());
                return problem.get() instanceof SlackReachability.Unreachable ? EXIT_UNREACHABLE : 2;
            }
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
