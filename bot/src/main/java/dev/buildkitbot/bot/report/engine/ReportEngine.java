package dev.buildkitbot.bot.report.engine;

import dev.buildkitbot.bot.report.capture.Redactor;
import dev.buildkitbot.bot.report.capture.Validators;
import dev.buildkitbot.bot.report.capture.Verdict;
import dev.buildkitbot.bot.report.draft.Draft;
import dev.buildkitbot.bot.report.draft.IssueDraftBuilder;
import dev.buildkitbot.bot.report.flow.Walkthroughs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    private final Walkthroughs flows;
    private final IssueLookup issues;
    private final IssueDraftBuilder drafts;

    public ReportEngine(Walkthroughs flows, IssueLookup issues, IssueDraftBuilder drafts) {
        this.flows = flows;
        this.issues = issues;
        this.drafts = drafts;
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
                replies.addAll(prompt(session));
            }
            case DUPLICATES -> replies.add(duplicateChoices(session.matches()));
            case DONE, CANCELLED -> replies.add(new Reply.Text("This report is finished. `/buildkit-report new` starts another."));
        }
        return new Outcome(session, replies);
    }

    public Outcome cancel(Session session, Instant now) {
        return new Outcome(session.with(Session.Phase.CANCELLED, now),
                List.of(new Reply.Text("Cancelled; nothing was kept for a report. `/buildkit-report` starts a new one.")));
    }

    public Outcome handle(Session session, Input input, Instant now) {
        if (input instanceof Input.Text text && "cancel".equals(word(text.text())) && session.active()) {
            return cancel(session, now);
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
            return new Outcome(session, List.of(new Reply.Text("Pick one of these:"), kindChoices()));
        }
        Session next = session.withKind(kind.id(), kind.steps(), now);
        if ("security".equals(kind.id())) {
            return new Outcome(next.finished(null, null, now), List.of(
                    new Reply.Text("Please do NOT report security issues publicly, and I won't draft a public issue for one. "
                            + "Send your report privately to security@docker.com, as BuildKit's security policy asks. "
                            + "If you are unsure whether it is a security issue, it is always better to check privately first."),
                    new Reply.Link("BuildKit security policy", SECURITY_POLICY_URL)));
        }
        if ("question".equals(kind.id())) {
            return new Outcome(next.finished(null, null, now), List.of(new Reply.Text(
                    "Ask away: send me your question (or mention me in a channel) and I'll answer from the guide and the docs.")));
        }
        return new Outcome(next.with(Session.Phase.RUNTIME, now), List.of(
                new Reply.Link("What the guide says about this", GUIDE_URL + "#" + kind.anchor()), runtimeChoices()));
    }

    private Outcome onRuntime(Session session, Input input, Instant now) {
        String id = choiceId(input);
        if (id == null || flows.runtime(id).isEmpty()) {
            if ("back".equals(id) && session.requestedBy() == null) {
                return new Outcome(session.with(Session.Phase.KIND, now), List.of(kindChoices()));
            }
            return new Outcome(session, List.of(new Reply.Text("How do you run BuildKit? Pick one:"), runtimeChoices()));
        }
        Session next = session.withRuntime(id, now).atStep(0, now);
        return new Outcome(next, prompt(next));
    }

    private Outcome onStep(Session session, Input input, Instant now) {
        Walkthroughs.Step step = flows.step(session.currentStep());
        String word = input instanceof Input.Text t ? word(t.text()) : input instanceof Input.Choice c ? c.id() : null;
        if ("back".equals(word)) {
            if (session.stepIndex() == 0) {
                return new Outcome(session.with(Session.Phase.RUNTIME, now), List.of(runtimeChoices()));
            }
            Session prev = session.atStep(session.stepIndex() - 1, now);
            return new Outcome(prev, prompt(prev));
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
            return new Outcome(session, prompt(session));
        }
        Redactor.Result redacted = Redactor.redact(text);
        Verdict verdict = Validators.validate(step.validator(), redacted.text());
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
        return advance(session.withCapture(step.id(), capture, now), replies, now);
    }

    private Outcome advance(Session session, List<Reply> replies, Instant now) {
        int next = session.stepIndex() + 1;
        if (next < session.steps().size()) {
            Session moved = session.atStep(next, now);
            replies.addAll(prompt(moved));
            return new Outcome(moved, replies);
        }
        if (session.requestedBy() != null) {
            replies.add(new Reply.Text("That's everything that was asked for. Thank you! I'll let the maintainer know in the thread."));
            return new Outcome(session.finished(null, null, now), replies);
        }
        List<IssueLookup.Found> found = issues.find(description(session));
        if (found.isEmpty()) {
            return draft(session, replies, List.of(), now);
        }
        Session checking = session.withMatches(found.stream().map(IssueLookup.Found::reference).toList(), now);
        replies.add(new Reply.Text("Before drafting: is one of these existing issues yours?"));
        for (IssueLookup.Found f : found) {
            replies.add(new Reply.Link(f.reference() + " " + f.title() + " (" + f.state() + ")" + (f.why().isBlank() ? "" : " — " + f.why()), f.url()));
        }
        replies.add(duplicateChoices(checking.matches()));
        return new Outcome(checking, replies);
    }

    private Outcome onDuplicates(Session session, Input input, Instant now) {
        String id = choiceId(input);
        if (NONE_OF_THESE.equals(id)) {
            return draft(session, new ArrayList<>(), session.matches(), now);
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
            Session prev = session.atStep(session.steps().size() - 1, now);
            return new Outcome(prev, prompt(prev));
        }
        return new Outcome(session, List.of(duplicateChoices(session.matches())));
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

    private List<Reply> prompt(Session session) {
        Walkthroughs.Step step = flows.step(session.currentStep());
        List<Reply> replies = new ArrayList<>();
        replies.add(new Reply.Text("Step " + (session.stepIndex() + 1) + " of " + session.steps().size() + ": " + step.prompt()));
        List<String> commands = step.commandsFor(session.runtime());
        if (!commands.isEmpty()) {
            replies.add(new Reply.Code(String.join("\n", commands)));
        }
        replies.add(new Reply.Link("Why: the issue reporting guide", GUIDE_URL + "#" + step.anchor()));
        String how = step.capture() ? "Paste the output here or upload it as a file." : "Type your answer.";
        replies.add(new Reply.Text(how + (step.optional() ? " `skip` if you can't." : "")));
        return replies;
    }

    private Reply.Choices kindChoices() {
        return new Reply.Choices("What kind of problem is it?",
                flows.kinds().stream().map(k -> new Reply.Option(k.id(), k.label())).toList());
    }

    private Reply.Choices runtimeChoices() {
        return new Reply.Choices("How do you run BuildKit?",
                flows.runtimes().stream().map(r -> new Reply.Option(r.id(), r.label())).toList());
    }

    private static Reply.Choices duplicateChoices(List<String> matches) {
        List<Reply.Option> options = new ArrayList<>();
        for (String ref : matches) {
            options.add(new Reply.Option(ISSUE_CHOICE + ref, "This is my issue: " + ref));
        }
        options.add(new Reply.Option(NONE_OF_THESE, "None of these"));
        return new Reply.Choices("Is one of these your issue?", options);
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
