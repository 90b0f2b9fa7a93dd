package dev.buildkitbot.bot.slack;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.response.Response;
import dev.buildkitbot.bot.answer.AnswerComposer;
import dev.buildkitbot.bot.answer.ChannelHintPolicy;
import dev.buildkitbot.bot.answer.UserRateLimit;
import dev.buildkitbot.bot.report.Reports;
import dev.buildkitbot.bot.report.engine.ReportEngine;
import dev.buildkitbot.bot.settings.Settings;
import dev.buildkitbot.bot.slack.listeners.Listeners;
import dev.buildkitbot.bot.slack.listeners.Registrations;
import dev.buildkitbot.knowledge.Knowledge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.buildkitbot.bot.maintainer.Maintainers;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The Bolt app with every listener registered, and the workers that do what the ack must not wait for. */
public final class SlackApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SlackApp.class);

    /** Questions one user can get answered per minute; more are dropped (logged), not queued. */
    static final int ANSWERS_PER_USER_PER_MINUTE = 10;

    private final App app;
    private final String apiUrl;
    private final String botToken;
    private final BotServices services;
    private final Registrations registrations;

    public SlackApp(Settings settings, Knowledge knowledge) {
        this.apiUrl = settings.apiUrl();
        this.botToken = settings.botToken();
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(settings.apiUrl());
        slackConfig.setPrettyResponseLoggingEnabled(false);
        Slack slack = Slack.getInstance(slackConfig);
        AppConfig config = AppConfig.builder()
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret() == null ? "" : settings.signingSecret())
                .slack(slack)
                // Events nobody listens to (reactions, edits…) are acknowledged quietly, not answered 404.
                .unmatchedRequestHandler(req -> Response.ok())
                // Bolt's self-event filter calls bots.info for every bot's post and throws when that
                // answers no bot; each listener already ignores posts by bots (this one included).
                .ignoringSelfEventsEnabled(false)
                .build();
        this.app = new App(config);
        SlackPoster poster = new SlackPoster();
        this.services = new BotServices(settings, knowledge, new AnswerComposer(knowledge),
                new ChannelHintPolicy(settings.hintConfidence(), settings.hintCooldown(), Ticker.systemTicker()),
                poster, new EventDedupe(), new FeedbackLog(settings.dataDir()), workers(settings.workers()),
                Reports.create(knowledge, Clock.systemUTC()), new ReportDelivery(poster),
                new FileDownloader(settings.botToken(), settings.apiUrl(), ReportEngine.MAX_CAPTURE_BYTES),
                new Maintainers(settings.maintainers(), settings.maintainerGroup() == null ? null
                        : () -> groupMembers(slack, settings.botToken(), settings.maintainerGroup())),
                new UserRateLimit(ANSWERS_PER_USER_PER_MINUTE, Duration.ofMinutes(1), Ticker.systemTicker()));
        this.registrations = Listeners.register(app, services);
    }

    /** Members of the Slack user group with this handle (usergroups.list + usergroups.users.list). */
    static Set<String> groupMembers(Slack slack, String token, String handle) {
        try {
            var groups = slack.methods(token).usergroupsList(r -> r);
            if (!groups.isOk()) {
                throw new IllegalStateException("usergroups.list: " + groups.getError());
            }
            var group = groups.getUsergroups().stream().filter(g -> handle.equals(g.getHandle())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no user group with handle " + handle));
            var users = slack.methods(token).usergroupsUsersList(r -> r.usergroup(group.getId()));
            if (!users.isOk()) {
                throw new IllegalStateException("usergroups.users.list: " + users.getError());
            }
            return Set.copyOf(users.getUsers());
        } catch (java.io.IOException | com.slack.api.methods.SlackApiException e) {
            throw new IllegalStateException("cannot read user group " + handle + ": " + e.getMessage(), e);
        }
    }

    private static ExecutorService workers(int threads) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1_000), r -> {
            Thread t = new Thread(r, "bot-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Whether Slack's API answers and accepts the bot token; check before {@code app().start()}. */
    public Optional<SlackReachability.Problem> reachability() {
        return SlackReachability.check(app.slack(), apiUrl, botToken);
    }

    public App app() {
        return app;
    }

    public BotServices services() {
        return services;
    }

    public Registrations registrations() {
        return registrations;
    }

    @Override
    public void close() {
        services.workers().shutdown();
        try {
            services.workers().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
