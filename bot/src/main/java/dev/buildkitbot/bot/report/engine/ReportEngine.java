package dev.buildkitbot.bot.report.engine;

import dev.buildkitbot.bot.report.capture.Redactor;
import dev.buildkitbot.bot.report.capture.Validators;
import dev.buildkitbot.bot.report.capture.Vocabulary;
import dev.buildkitbot.bot.report.capture.Verdict;
import dev.buildkitbot.bot.report.draft.Draft;
import dev.buildkitbot.bot.report.draft.IssueDraftBuilder;
import dev.buildkitbot.bot.report.facts.CommandRenderer;
import dev.buildkitbot.bot.report.facts.FactValues;
import dev.buildkitbot.bot.report.facts.ReleaseVersion;
import dev.buildkitbot.bot.report.facts.SetupFacts;
import dev.buildkitbot.bot.report.facts.SetupParser;
import dev.buildkitbot.bot.report.flow.Walkthroughs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The report walkthrough: {@code (session, input) → (session, replies)}, with no Slack, terminal or
 * file system inside. Follows the issue reporting guide: kind of problem → how BuildKit runs →
 * tailored capture steps, each validated and redacted → duplicate check → a prefilled issue link
 * (never for security reports).
 */
public final class ReportEngine {
    public static final String GUIDE_URL = "https://github.com/moby/buildkit/blob/master/.github/issue_reporting_guide.md";
    public static final String SECURITY_POLICY_URL = "https://github.com/moby/buildkit/security/policy";
    /** Captures larger than this are refused: nobody reads a 20 MB log, and Slack would not take it back. */
    public static final int MAX_CAPTURE_BYTES = 20 * 1024 * 1024;
    public static final String NONE_OF_THESE = "none";
    private static final String ISSUE_CHOICE = "issue:";
    private static final String RELATED_CHOICE = "related:";
    static final String PRIVATE_ROUTE = "security-private";
    static final String NOT_SECURITY = "not-security";

    /** The step a reporter on an older BuildKit gets after their versions: try the latest release first. */
    static final String TRY_LATEST = "try-latest";
    static final String BUILDKIT_REPO = "moby/buildkit";
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** The newest release of a repository ({@code moby/buildkit → v0.33.0}), when known. */
    @FunctionalInterface
    public interface LatestRelease {
        Optional<String> of(String repo);
    }

    private final Walkthroughs flows;
    private final IssueLookup issues;
    private final IssueDraftBuilder drafts;
    private final LatestRelease latest;
    private final SecurityCheck security;
    private final Vocabulary vocabulary;

    public ReportEngine(Walkthroughs flows, IssueLookup issues, IssueDraftBuilder drafts) {
        this(flows, issues, drafts, repo -> Optional.empty());
    }

    public ReportEngine(Walkthroughs flows, IssueLookup issues, IssueDraftBuilder drafts, LatestRelease latest) {
        this(flows, issues, drafts, latest, SecurityCheck.words());
    }

    public ReportEngine(Walkthroughs flows, IssueLookup issues, IssueDraftBuilder drafts, LatestRelease latest, SecurityCheck security) {
        this(flows, issues, drafts, latest, security, Vocabulary.any());
    }

    public ReportEngine(Walkthroughs flows, IssueLookup issues, IssueDraftBuilder drafts, LatestRelease latest, SecurityCheck security,
                        Vocabulary vocabulary) {
        this.flows = flows;
        this.issues = issues;
        this.drafts = drafts;
        this.latest = latest;
        this.security = security;
        this.vocabulary = vocabulary;
    }

    public Walkthroughs flows() {
        return flows;
    }

    public Outcome start(String owner, Instant now) {
        Session session = Session.start(owner, now);
        List<Reply> replies = new ArrayList<>();
        replies.add(new Reply.Text("Let's put together what maintainers need, step by step, following the BuildKit issue reporting guide. "
                + "At any point: `back`, `skip` (optional steps), `cancel`."));
        replies.add(kindChoices());
        return new Outcome(session, replies);
    }

    /** A maintainer asked this user for {@code steps}: ask how BuildKit runs, then only those steps. */
    public Outcome startRequested(String owner, List<String> steps, String requestedBy, String origin, Instant now) {
        steps.forEach(flows::step);
        Session session = Session.requested(owner, steps, requestedBy, origin, now);
        return new Outcome(session, List.of(new Reply.Text("A maintainer asked for a few things; I'll walk you through each."), runtimeChoices()));
    }

    /** Says again what the session is waiting for (after "/buildkit-report" or a restart). */
    public Outcome resume(Session session) {
        List<Reply> replies = new ArrayList<>();
        switch (session.phase()) {
            case KIND -> replies.add(kindChoices());
            case RUNTIME -> replies.add(runtimeChoices());
            case STEP -> {
                replies.add(new Reply.Text("Picking up where we left off."));
                if (Session.SECURITY_ASKING.equals(session.security())) {
                    replies.add(securityChoices());
                    return new Outcome(session, replies);
                }
                return prompt(session, replies, session.updated());
            }
            case DUPLICATES -> {
                replies.add(new Reply.Text("Before drafting: is one of these existing issues yours?"));
                offeredLinks(session).forEach(replies::add);
                replies.add(duplicateChoices(session));
            }
            case DONE, CANCELLED -> replies.add(new Reply.Text("This report is finished. `/buildkit-report new` starts another."));
        }
        return new Outcome(session, replies);
    }

    static final String HELP = "I'm walking you through a report for the BuildKit maintainers. Answer the question below: pick a "
            + "choice (its number or name works too), or paste or upload what the step asks for. `back` returns to the previous "
            + "step, `skip` skips an optional one, `cancel` stops, and `/buildkit-report new` starts over.";
    static final String NOT_A_CHOICE = "That isn't one of the choices. Pick one below (its number or name works too), or `cancel`:";

    public Outcome cancel(Session session, Instant now) {
        return new Outcome(session.with(Session.Phase.CANCELLED, now),
                List.of(new Reply.Text("Cancelled; nothing was kept for a report. `/buildkit-report` starts a new one.")));
    }

    public Outcome handle(Session session, Input input, Instant now) {
        if (input instanceof Input.Text text && "cancel".equals(word(text.text())) && session.active()) {
            return cancel(session, now);
        }
        // "help" is never an answer (a step would otherwise keep it as the summary or as a paste).
        if (input instanceof Input.Text text && "help".equals(word(text.text())) && session.active()) {
            if (session.phase() == Session.Phase.STEP) {
                return prompt(session, new ArrayList<>(List.of(new Reply.Text(HELP))), now);
            }
            List<Reply> replies = new ArrayList<>(List.of(new Reply.Text(HELP)));
            replies.addAll(resume(session).replies());
            return new Outcome(session, replies);
        }
        if (session.phase() == Session.Phase.STEP && Session.SECURITY_ASKING.equals(session.security())) {
            return onSecurityAnswer(session, input, now);
        }
        return switch (session.phase()) {
            case KIND -> onKind(session, input, now);
            case RUNTIME -> onRuntime(session, input, now);
            case STEP -> onStep(session, input, now);
            case DUPLICATES -> onDuplicates(session, input, now);
            case DONE, CANCELLED -> new Outcome(session, List.of(new Reply.Text("This report is finished. `/buildkit-report new` starts another.")));
        };
    }

    private Outcome onKind(Session session, Input input, Instant now) {
        String id = choiceId(input);
        var kind = id == null ? null : flows.kind(id).orElse(null);
        if (kind == null) {
            return new Outcome(session, List.of(new Reply.Text(NOT_A_CHOICE), kindChoices()));
        }
        Session next = session.withKind(kind.id(), kind.steps(), now);
        if ("security".equals(kind.id())) {
            return new Outcome(next.finished(null, null, now), privateRoute());
        }
        if ("question".equals(kind.id())) {
            return new Outcome(next.finished(null, null, now), List.of(new Reply.Text(
                    "Ask away: send me your question (or mention me in a channel) and I'll answer from the guide and the docs.")));
        }
        return new Outcome(next.with(Session.Phase.RUNTIME, now), List.of(
                new Reply.Link("What the guide says about this", GUIDE_URL + "#" + kind.anchor()), runtimeChoices()));
    }

    private static List<Reply> privateRoute() {
        return List.of(new Reply.Text("Please do NOT report security issues publicly, and I won't draft a public issue for one. "
                        + "Send your report privately to security@docker.com, as BuildKit's security policy asks. "
                        + "If you are unsure whether it is a security issue, it is always better to check privately first."),
                new Reply.Link("BuildKit security policy", SECURITY_POLICY_URL));
    }

    private static Reply.Choices securityChoices() {
        return new Reply.Choices("Is it a security problem?", List.of(
                new Reply.Option(PRIVATE_ROUTE, "It may be: report it privately"),
                new Reply.Option(NOT_SECURITY, "It is not a security problem")));
    }

    /**
     * What the reporter wrote reads like a vulnerability: before anything public is drafted they
     * choose the private route, or say it is not one (asked once per report).
     */
    private Outcome askSecurity(Session session, String concern, List<Reply> replies, Instant now) {
        replies.add(new Reply.Text("What you wrote reads like a security vulnerability (" + concern + "). Security problems in BuildKit "
                + "are reported privately, never as a public GitHub issue (or in a public channel), so I've paused this report."));
        replies.add(securityChoices());
        return new Outcome(session.withSecurity(Session.SECURITY_ASKING, now), replies);
    }

    private Outcome onSecurityAnswer(Session session, Input input, Instant now) {
        String id = choiceId(input);
        if (PRIVATE_ROUTE.equals(id)) {
            return new Outcome(session.finished(null, null, now), privateRoute());
        }
        if (NOT_SECURITY.equals(id)) {
            Session cleared = session.withSecurity(Session.SECURITY_CLEARED, now);
            return advance(cleared, new ArrayList<>(List.of(new Reply.Text("Understood: not a security problem. Let's go on."))), now);
        }
        return new Outcome(session, List.of(new Reply.Text(NOT_A_CHOICE), securityChoices()));
    }

    private Outcome onRuntime(Session session, Input input, Instant now) {
        String id = choiceId(input);
        if (id == null || flows.runtime(id).isEmpty()) {
            if ("back".equals(id) && session.requestedBy() == null) {
                return new Outcome(session.with(Session.Phase.KIND, now), List.of(kindChoices()));
            }
            // `docker buildx inspect` (or buildctl's version) answers this question too.
            SetupFacts facts = input instanceof Input.Text t ? SetupParser.parse(Redactor.redact(t.text()).text()) : SetupFacts.NONE;
            String runtime = runtimeOf(facts.driver());
            if (runtime != null) {
                Session next = session.withFacts(facts, now).withRuntime(runtime, now).atStep(0, now);
                List<Reply> replies = new ArrayList<>();
                replies.add(new Reply.Text("From that output: " + flows.runtime(runtime).orElseThrow().label() + summary(facts) + "."));
                return prompt(next, replies, now);
            }
            return new Outcome(session, List.of(new Reply.Text("How do you run BuildKit? Pick one (or paste the output of `docker buildx inspect`):"), runtimeChoices()));
        }
        Session next = session.withRuntime(id, now).atStep(0, now);
        return prompt(next, new ArrayList<>(), now);
    }

    /** The walkthrough's way of running BuildKit for a buildx driver (or a standalone daemon). */
    static String runtimeOf(String driver) {
        if (driver == null) {
            return null;
        }
        return switch (driver) {
            case "docker" -> "docker";
            case "docker-container" -> "buildx-container";
            case "kubernetes", "remote" -> "buildx-remote";
            case "buildkitd" -> "buildkitd";
            default -> null;
        };
    }

    private static String summary(SetupFacts facts) {
        StringBuilder sb = new StringBuilder();
        if (facts.builder() != null) {
            sb.append(", builder ").append(facts.builder());
        }
        if (facts.buildkitVersion() != null) {
            sb.append(", BuildKit ").append(facts.buildkitVersion());
        }
        if (facts.debugAddress() != null) {
            sb.append(", debug endpoint ").append(facts.debugAddress());
        }
        if (Boolean.TRUE.equals(facts.debug())) {
            sb.append(", --debug on");
        }
        return sb.toString();
    }

    private Outcome onStep(Session session, Input input, Instant now) {
        Walkthroughs.Step step = flows.step(session.currentStep());
        String word = input instanceof Input.Text t ? word(t.text()) : input instanceof Input.Choice c ? c.id() : null;
        if ("back".equals(word)) {
            if (session.stepIndex() == 0) {
                return new Outcome(session.with(Session.Phase.RUNTIME, now), List.of(runtimeChoices()));
            }
            Session prev = session.atStep(session.stepIndex() - 1, now);
            return prompt(prev, new ArrayList<>(), now);
        }
        if (session.pendingFact() != null && input instanceof Input.Text answer && !"skip".equals(word)) {
            return onFact(session, answer.text(), now);
        }
        if (step.choice()) {
            return onChoiceStep(session, step, word, now);
        }
        if ("skip".equals(word)) {
            if (!step.optional()) {
                return new Outcome(session, List.of(new Reply.Text("This step can't be skipped: maintainers need it. `cancel` stops the report.")));
            }
            return advance(session, new ArrayList<>(List.of(new Reply.Text("Skipped."))), now);
        }
        String text;
        String fileName = null;
        if (input instanceof Input.Upload upload) {
            String problem = uploadProblem(upload);
            if (problem != null) {
                return new Outcome(session, List.of(new Reply.Text(problem)));
            }
            text = decode(upload.content());
            fileName = upload.name();
        } else if (input instanceof Input.Text t) {
            text = t.text();
            if (text.length() > MAX_CAPTURE_BYTES) {
                return new Outcome(session, List.of(new Reply.Text("That is over 20 MB; send the relevant part, or compress nothing and split it.")));
            }
        } else {
            return prompt(session, new ArrayList<>(), now);
        }
        Redactor.Result redacted = Redactor.redact(text);
        Verdict verdict = Validators.validate(step.validator(), redacted.text(), vocabulary);
        List<Reply> replies = new ArrayList<>();
        if (redacted.total() > 0) {
            replies.add(new Reply.Text("I removed secrets before keeping this: " + redacted.summary() + "."));
        }
        if (!verdict.accepted()) {
            replies.add(new Reply.Text(verdict.message() + (step.optional() ? " Or `skip`." : "")));
            return new Outcome(session, replies);
        }
        replies.add(new Reply.Text(verdict.message()));
        Capture capture = new Capture(redacted.text(), fileName, verdict.status() == Verdict.Status.WARN ? verdict.message() : null, redacted.counts());
        Session next = learn(session.withCapture(step.id(), capture, now), SetupParser.parse(redacted.text()), replies, now);
        if (!step.capture() && next.security() == null) {
            Optional<String> concern = security.concern(redacted.text());
            if (concern.isPresent()) {
                return askSecurity(next, concern.get(), replies, now);
            }
        }
        return advance(next, replies, now);
    }

    /**
     * What a capture tells about the setup shapes the steps after it: the driver decides which
     * commands apply, and a BuildKit older than the latest release gets the guide's "try the
     * latest first" step.
     */
    private Session learn(Session session, SetupFacts found, List<Reply> replies, Instant now) {
        if (found.isEmpty()) {
            return session;
        }
        Session next = session.withFacts(found, now);
        String runtime = runtimeOf(found.driver());
        if (runtime != null && !runtime.equals(next.runtime())) {
            next = next.withRuntime(runtime, now);
            replies.add(new Reply.Text(switch (runtime) {
                case "docker" -> "Your builder uses the docker driver: BuildKit runs inside dockerd, so the next steps use Docker Engine's commands.";
                case "buildx-container" -> "Your builder uses the docker-container driver: BuildKit runs in a container, so the next steps use it.";
                case "buildx-remote" -> "Your builder uses the " + found.driver() + " driver: the next steps talk to that daemon.";
                default -> "That is a standalone buildkitd: the next steps use buildctl and the daemon directly.";
            }));
        }
        String newest = latest.of(BUILDKIT_REPO).orElse(null);
        String theirs = next.facts().buildkitVersion();
        if (newest != null && theirs != null && ReleaseVersion.older(theirs, newest) && next.requestedBy() == null
                && !next.steps().contains(TRY_LATEST)) {
            next = next.withStepAfterCurrent(TRY_LATEST, now);
        }
        return next;
    }

    /** The reporter's answer to "which builder?": remembered, then the step is shown again with it. */
    private Outcome onFact(Session session, String answer, Instant now) {
        String name = answer.strip();
        if (!NAME.matcher(name).matches()) {
            return new Outcome(session, List.of(new Reply.Text("That doesn't look like a builder name (letters, digits, `.`, `_`, `-`). "
                    + "`docker buildx ls` lists them; type the name, or `back`.")));
        }
        Session next = session.withFacts(SetupFacts.NONE.withBuilder(name), now).asking(null, now);
        return prompt(next, new ArrayList<>(List.of(new Reply.Text("Builder " + name + " (container buildx_buildkit_" + next.facts().nodeName() + ")."))), now);
    }

    /** A step answered by picking an option: its label (with the facts filled in) is what the report keeps. */
    private Outcome onChoiceStep(Session session, Walkthroughs.Step step, String word, Instant now) {
        FactValues values = values(session);
        Walkthroughs.Option picked = step.options().stream().filter(o -> o.id().equals(word)).findFirst().orElse(null);
        if (picked == null) {
            return new Outcome(session, List.of(new Reply.Text(NOT_A_CHOICE), choices(step, values)));
        }
        String label = CommandRenderer.fill(picked.label(), values);
        Session next = session.withCapture(step.id(), new Capture(label, null, null, Map.of()), now);
        if (TRY_LATEST.equals(step.id()) && "fixed".equals(picked.id())) {
            return new Outcome(next.finished(null, null, now), List.of(new Reply.Text(
                    "Then it is already fixed: upgrading to " + values.value("latest").orElse("the latest release")
                            + " is the way out, and there is nothing to report. If it comes back on the latest release, "
                            + "`/buildkit-report new` starts a new report.")));
        }
        return advance(next, new ArrayList<>(List.of(new Reply.Text("Noted: " + label + "."))), now);
    }

    private FactValues values(Session session) {
        return new FactValues(session.facts(), latest.of(BUILDKIT_REPO).orElse(null));
    }

    private Reply.Choices choices(Walkthroughs.Step step, FactValues values) {
        return new Reply.Choices("Your answer:", step.options().stream().map(o -> new Reply.Option(o.id(), CommandRenderer.fill(o.label(), values))).toList());
    }

    private Outcome advance(Session session, List<Reply> replies, Instant now) {
        int next = session.stepIndex() + 1;
        if (next < session.steps().size()) {
            return prompt(session.atStep(next, now), replies, now);
        }
        if (session.requestedBy() != null) {
            replies.add(new Reply.Text("That's everything that was asked for. Thank you! I'll let the maintainer know in the thread."));
            return new Outcome(session.finished(null, null, now), replies);
        }
        List<IssueLookup.Found> found = issues.find(description(session));
        if (found.isEmpty()) {
            return draft(session, replies, List.of(), now);
        }
        Session checking = session.withMatches(found, now);
        String fresh = issues.freshness();
        replies.add(new Reply.Text("Before drafting: is one of these existing issues yours?" + (fresh.isBlank() ? "" : " (issues: " + fresh + ")")));
        offeredLinks(checking).forEach(replies::add);
        replies.add(duplicateChoices(checking));
        return new Outcome(checking, replies);
    }

    private Outcome onDuplicates(Session session, Input input, Instant now) {
        String id = choiceId(input);
        if (NONE_OF_THESE.equals(id)) {
            // Only what the reporter kept: each listed issue becomes a backlink on GitHub.
            return draft(session, new ArrayList<>(), session.related(), now);
        }
        if (id != null && id.startsWith(RELATED_CHOICE) && session.matches().contains(id.substring(RELATED_CHOICE.length()))) {
            Session kept = session.withRelated(id.substring(RELATED_CHOICE.length()), now);
            return new Outcome(kept, List.of(new Reply.Text("Kept " + String.join(", ", kept.related())
                    + " as related: the draft will link " + (kept.related().size() == 1 ? "it" : "them") + ". Another one, or \"None of these\" to draft."),
                    duplicateChoices(kept)));
        }
        if (id != null && id.startsWith(ISSUE_CHOICE) && session.matches().contains(id.substring(ISSUE_CHOICE.length()))) {
            String ref = id.substring(ISSUE_CHOICE.length());
            String url = "https://github.com/" + ref.replace("#", "/issues/");
            return new Outcome(session.finished(ref, null, now), List.of(
                    new Reply.Text("Then the best place is that issue. Add what is new there (versions, the reproducer, the traces you collected); "
                            + "use a reaction instead of a \"+1\" comment. If it is closed, open a new issue that links to it."),
                    new Reply.Link(ref, url)));
        }
        if ("back".equals(id)) {
            return prompt(session.atStep(session.steps().size() - 1, now), new ArrayList<>(), now);
        }
        return new Outcome(session, List.of(duplicateChoices(session)));
    }

    private Outcome draft(Session session, List<Reply> replies, List<String> related, Instant now) {
        Draft draft = drafts.build(session, related);
        replies.add(new Reply.Text("Here is your issue, prefilled. Check it, add anything missing, and submit it on GitHub."));
        draft.attachments().forEach(replies::add);
        draft.notes().forEach(n -> replies.add(new Reply.Text(n)));
        if (!draft.bodyInUrl()) {
            replies.add(new Reply.Text("The repository's form can't be prefilled; paste this file as the description."));
            replies.add(new Reply.File("issue-body.md", draft.body()));
        }
        replies.add(new Reply.Link("Open the prefilled issue on GitHub", draft.url()));
        return new Outcome(session.finished(null, draft.url(), now), replies);
    }

    /** What the duplicate check searches with: the summary, what happened, and the error text. */
    static String description(Session session) {
        StringBuilder sb = new StringBuilder();
        for (String step : List.of("summary", "expected", "error-trace")) {
            Capture c = session.captures().get(step);
            if (c != null) {
                sb.append(c.text(), 0, Math.min(c.text().length(), 4_000)).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * Shows the current step, its commands rendered from what is known of the setup. When a command
     * needs a fact nobody has pasted yet (the builder's name), one short question comes first.
     */
    private Outcome prompt(Session session, List<Reply> replies, Instant now) {
        Walkthroughs.Step step = flows.step(session.currentStep());
        FactValues values = values(session);
        CommandRenderer.Rendered commands = CommandRenderer.render(step.commandsFor(session.runtime()), values);
        if (commands.missing() != null) {
            replies.add(new Reply.Text("Step " + (session.stepIndex() + 1) + " of " + session.steps().size()
                    + " needs your builder's name first: which buildx builder runs the build? `docker buildx ls` lists them "
                    + "(the one marked * is in use). Type its name."));
            return new Outcome(session.asking(commands.missing(), now), replies);
        }
        String text = CommandRenderer.fill(step.prompt(), values);
        replies.add(new Reply.Text("Step " + (session.stepIndex() + 1) + " of " + session.steps().size() + ": " + text));
        if (!commands.lines().isEmpty()) {
            replies.add(new Reply.Code(String.join("\n", commands.lines())));
        }
        replies.add(new Reply.Link("Why: the issue reporting guide", GUIDE_URL + "#" + step.anchor()));
        if (step.choice()) {
            replies.add(choices(step, values));
        } else {
            String how = step.capture() ? "Paste the output here or upload it as a file." : "Type your answer.";
            replies.add(new Reply.Text(how + (step.optional() ? " `skip` if you can't." : "")));
        }
        return new Outcome(session.pendingFact() == null ? session : session.asking(null, now), replies);
    }

    private Reply.Choices kindChoices() {
        return new Reply.Choices("What kind of problem is it?",
                flows.kinds().stream().map(k -> new Reply.Option(k.id(), k.label())).toList());
    }

    private Reply.Choices runtimeChoices() {
        return new Reply.Choices("How do you run BuildKit?",
                flows.runtimes().stream().map(r -> new Reply.Option(r.id(), r.label())).toList());
    }

    private static Reply.Choices duplicateChoices(Session session) {
        List<Reply.Option> options = new ArrayList<>();
        for (String ref : session.matches()) {
            options.add(new Reply.Option(ISSUE_CHOICE + ref, "This is my issue: " + ref));
            if (!session.related().contains(ref)) {
                options.add(new Reply.Option(RELATED_CHOICE + ref, "Related, not mine: " + ref));
            }
        }
        options.add(new Reply.Option(NONE_OF_THESE, session.related().isEmpty() ? "None of these" : "None of these is mine: draft it"));
        return new Reply.Choices("Is one of these your issue?", options);
    }

    /** The issues of the duplicate check, with their titles (sessions saved before titles were kept: the reference). */
    private static List<Reply.Link> offeredLinks(Session session) {
        if (session.offered().isEmpty()) {
            return session.matches().stream().map(ref -> new Reply.Link(ref, "https://github.com/" + ref.replace("#", "/issues/"))).toList();
        }
        return session.offered().stream().map(f -> new Reply.Link(f.reference() + " " + f.title() + " (" + f.state() + ")"
                + (f.why().isBlank() ? "" : " — " + f.why()), f.url())).toList();
    }

    private static String choiceId(Input input) {
        if (input instanceof Input.Choice c) {
            return c.id();
        }
        if (input instanceof Input.Text t) {
            return word(t.text());
        }
        return null;
    }

    private static String word(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    /** Why an upload can't be a capture, or null when it is text. */
    static String uploadProblem(Input.Upload upload) {
        byte[] b = upload.content();
        if (b.length > MAX_CAPTURE_BYTES) {
            return "That file is over 20 MB. Send the relevant part (the whole trace, but not days of logs).";
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b
                || b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
            return "That is a compressed archive (" + upload.name() + "). Unpack it and send the text file itself.";
        }
        int n = Math.min(b.length, 8_192);
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                return "That looks like a binary file (" + upload.name() + "), not text. Send the text output instead.";
            }
        }
        String probe = new String(b, 0, Math.min(b.length, 64 * 1024), StandardCharsets.UTF_8);
        long bad = probe.chars().filter(c -> c == '\uFFFD').count();
        if (bad > Math.max(3, probe.length() / 100)) {
            return "That file is not UTF-8 text (" + upload.name() + "). Send the text output instead.";
        }
        return null;
    }

    private static String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
