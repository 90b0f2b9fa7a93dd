package dev.buildkitbot.bot.report;

import dev.buildkitbot.bot.report.draft.IssueDraftBuilder;
import dev.buildkitbot.bot.report.draft.IssueTemplates;
import dev.buildkitbot.bot.report.engine.Input;
import dev.buildkitbot.bot.report.engine.IssueLookup;
import dev.buildkitbot.bot.report.engine.Outcome;
import dev.buildkitbot.bot.report.engine.Reply;
import dev.buildkitbot.bot.report.engine.ReportEngine;
import dev.buildkitbot.bot.report.engine.SecurityCheck;
import dev.buildkitbot.bot.report.engine.Session;
import dev.buildkitbot.bot.report.flow.Walkthroughs;
import dev.buildkitbot.bot.report.session.SessionStore;
import dev.buildkitbot.knowledge.Knowledge;
import dev.buildkitbot.knowledge.similar.DuplicateFinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The walkthroughs as a service for adapters: sessions loaded and saved around the pure engine.
 * Every outcome is saved before its replies are shown, so what the user saw is what a restart resumes.
 */
public final class Reports {
    private static final Logger log = LoggerFactory.getLogger(Reports.class);
    public static final Duration SESSION_TTL = Duration.ofDays(7);
    /** Duplicates shown before drafting below this confidence are noise. */
    static final double MIN_DUPLICATE_CONFIDENCE = 0.3;
    /** The reporting guide's section on vulnerabilities (its anchor). */
    static final String SECURITY_SECTION = "security-issues";

    private final ReportEngine engine;
    private final SessionStore store;
    private final Clock clock;

    public Reports(ReportEngine engine, SessionStore store, Clock clock) {
        this.engine = engine;
        this.store = store;
        this.clock = clock;
    }

    /** The production wiring: shipped walkthroughs, the knowledge's duplicate search, sessions in the data dir. */
    public static Reports create(Knowledge knowledge, Clock clock) {
        Walkthroughs flows = Walkthroughs.load();
        IssueLookup lookup = new IssueLookup() {
            @Override
            public List<Found> find(String text) {
                return knowledge.similar(text, DuplicateFinder.Options.top(5)).stream()
                        .filter(m -> m.confidence() >= MIN_DUPLICATE_CONFIDENCE)
                        .map(m -> new IssueLookup.Found(m.reference(), m.title(), m.state(), m.url(), m.why())).toList();
            }

            @Override
            public String freshness() {
                return knowledge.snapshot().freshness();
            }
        };
        IssueDraftBuilder drafts = new IssueDraftBuilder(flows, IssueTemplates.from((repo, path) -> knowledge.files().file(repo, path), "moby/buildkit"), "moby/buildkit");
        SessionStore store = new SessionStore(knowledge.dataDir().sessions(), SESSION_TTL, clock);
        int purged = store.purgeExpired();
        if (purged > 0) {
            log.info("removed {} expired report sessions", purged);
        }
        // By meaning: the guide's security section is the best answer to what they wrote. Over 400
        // random real issue texts it was first for none (BENCHMARKS.md), so it rarely stops a bug report.
        SecurityCheck meaning = text -> knowledge.ask(text).stream().findFirst()
                .filter(a -> "guide".equals(a.source()) && SECURITY_SECTION.equals(a.anchor()))
                .map(a -> "it is closest to what the reporting guide says about security issues");
        return new Reports(new ReportEngine(flows, lookup, drafts, repo -> knowledge.releases().tag(repo),
                SecurityCheck.words().or(meaning), knowledge::knownWords), store, clock);
    }

    public ReportEngine engine() {
        return engine;
    }

    public Optional<Session> active(String owner) {
        return store.find(owner).filter(Session::active);
    }

    /** {@code /buildkit-report [new|cancel|help]}: resume, start over, stop. */
    public Outcome command(String owner, String args) {
        String verb = args == null ? "" : args.strip().toLowerCase(Locale.ROOT);
        Optional<Session> current = active(owner);
        return switch (verb) {
            case "", "start", "resume" -> current.map(engine::resume).orElseGet(() -> persist(engine.start(owner, clock.instant()), null));
            case "new", "restart" -> persist(engine.start(owner, clock.instant()), current.orElse(null));
            case "cancel", "stop" -> current.map(s -> persist(engine.cancel(s, clock.instant()), s))
                    .orElseGet(() -> new Outcome(Session.start(owner, clock.instant()).withPhaseDone(), List.of(new Reply.Text("There is no report in progress."))));
            default -> new Outcome(current.orElse(Session.start(owner, clock.instant())), List.of(new Reply.Text(help())));
        };
    }

    /** Starts the steps a maintainer asked for (replacing any walkthrough in progress). */
    public Outcome requested(String owner, List<String> steps, String requestedBy, String origin) {
        return persist(engine.startRequested(owner, steps, requestedBy, origin, clock.instant()), active(owner).orElse(null));
    }

    /** Input for the user's active walkthrough; empty when there is none (then it is not for us). */
    public Optional<Outcome> input(String owner, Input input) {
        return active(owner).map(s -> persist(engine.handle(s, input, clock.instant()), s));
    }

    private Outcome persist(Outcome outcome, Session previous) {
        try {
            store.save(outcome.session());
            return outcome;
        } catch (UncheckedIOException e) {
            log.warn("could not save a report session: {}", e.getMessage());
            Session unchanged = previous != null ? previous : outcome.session();
            return new Outcome(unchanged, List.of(new Reply.Text(
                    "I couldn't save that step (a storage problem on my side), so nothing changed. Please send it again in a moment.")));
        }
    }

    public static String help() {
        return "`/buildkit-report` starts (or resumes) a guided bug report. `/buildkit-report new` starts over, "
                + "`/buildkit-report cancel` stops. Inside a report: `back`, `skip` (optional steps), `cancel`.";
    }
}
