package dev.buildkitbot.bot.report.draft;

import dev.buildkitbot.bot.report.facts.SetupFacts;
import dev.buildkitbot.bot.report.engine.Capture;
import dev.buildkitbot.bot.report.engine.Reply;
import dev.buildkitbot.bot.report.engine.Session;
import dev.buildkitbot.bot.report.flow.Walkthroughs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the issue from a finished walkthrough: a title (regressions as {@code [v0.13.0-rc1] …}, as
 * the guide asks), a body mirroring the bug form (Bug description / Reproduction / Version
 * information) plus the captures, and a link that fits GitHub's URL limit — long captures become
 * files to attach instead of being cut.
 */
public final class IssueDraftBuilder {
    /** GitHub answers 414 past about 8 KB. */
    public static final int MAX_URL = 8_000;
    /** A capture longer than the link itself can never be inline: it goes as a file at once. */
    static final int MAX_INLINE = MAX_URL;
    private static final int MAX_TITLE = 120;
    private static final Set<String> OWN_SECTIONS = Set.of("summary", "expected", "reproducer", "versions", "try-latest");

    private final Walkthroughs flows;
    private final IssueTemplates templates;
    private final String repo;

    public IssueDraftBuilder(Walkthroughs flows, IssueTemplates templates, String repo) {
        this.flows = flows;
        this.templates = templates;
        this.repo = repo;
    }

    public Draft build(Session session, List<String> relatedIssues) {
        String title = title(session);
        Map<String, Capture> inline = new LinkedHashMap<>();
        List<Reply.File> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        session.captures().forEach((step, capture) -> {
            if (!OWN_SECTIONS.contains(step) && capture.text().length() > MAX_INLINE) {
                files.add(file(step, capture));
            } else {
                inline.put(step, capture);
            }
        });
        String body = body(session, inline, files, relatedIssues);
        String url = url(title, body);
        // Inline what fits: move the largest captures out, one at a time, until the link fits.
        while (url.length() > MAX_URL && movable(inline)) {
            String largest = inline.entrySet().stream().filter(e -> !"summary".equals(e.getKey()))
                    .max((a, b) -> Integer.compare(a.getValue().text().length(), b.getValue().text().length())).orElseThrow().getKey();
            files.add(file(largest, inline.remove(largest)));
            body = body(session, inline, files, relatedIssues);
            url = url(title, body);
        }
        if (url.length() > MAX_URL) {
            files.add(new Reply.File("issue-body.md", body));
            body = "The full report is in issue-body.md, attached.\n";
            url = url(title, body);
            notes.add("The report was too long for a link even without the captures; paste issue-body.md into the issue.");
        }
        if (!files.isEmpty()) {
            notes.add("Attach " + String.join(", ", files.stream().map(Reply.File::name).toList())
                    + " to the issue (drag them into the description): they are too long for the link.");
        }
        return new Draft(title, body, url, bodyFits(), files, notes);
    }

    private boolean bodyFits() {
        return templates.blankIssuesEnabled() || templates.bugTextareaId() != null;
    }

    private static boolean movable(Map<String, Capture> inline) {
        return inline.keySet().stream().anyMatch(k -> !"summary".equals(k));
    }

    String title(Session session) {
        Capture summary = session.captures().get("summary");
        String line = summary == null ? "BuildKit problem" : summary.text().strip().lines().findFirst().orElse("BuildKit problem");
        if (line.length() > MAX_TITLE) {
            line = line.substring(0, MAX_TITLE - 1).stripTrailing() + "…";
        }
        if ("regression".equals(session.kind())) {
            String version = headline(session.facts());
            if (version != null && !line.startsWith("[")) {
                line = "[" + version + "] " + line;
            }
        }
        return line;
    }

    /** The version a regression title names: BuildKit's, else Buildx's, else Docker's. */
    private static String headline(SetupFacts facts) {
        for (String v : new String[]{facts.buildkitVersion(), facts.buildxVersion(), facts.buildctlVersion(), facts.dockerVersion()}) {
            if (v != null) {
                return v.startsWith("v") ? v : "v" + v;
            }
        }
        return null;
    }

    private String body(Session session, Map<String, Capture> inline, List<Reply.File> files, List<String> related) {
        StringBuilder b = new StringBuilder();
        b.append("### Bug description\n\n");
        Capture summary = session.captures().get("summary");
        b.append(summary == null ? "" : summary.text().strip()).append("\n\n");
        Capture expected = inline.get("expected");
        if (expected != null) {
            b.append(expected.text().strip()).append("\n\n");
        }
        section(b, inline, files, "reproducer", "### Reproduction");
        boolean versions = inline.containsKey("versions") || files.stream().anyMatch(f -> f.name().equals(fileName("versions")));
        List<String> environment = environment(session);
        if (versions || !environment.isEmpty()) {
            b.append("### Version information\n\n");
            environment.forEach(l -> b.append("- ").append(l).append('\n'));
            if (!environment.isEmpty()) {
                b.append('\n');
            }
            if (versions) {
                appendCapture(b, inline.get("versions"), "versions");
            }
        }
        List<String> others = session.steps().stream().filter(s -> !OWN_SECTIONS.contains(s))
                .filter(s -> inline.containsKey(s) || files.stream().anyMatch(f -> f.name().equals(fileName(s)))).toList();
        if (!others.isEmpty()) {
            b.append("### Debugging data\n\n");
            for (String step : others) {
                Walkthroughs.Step def = flows.step(step);
                b.append("**").append(heading(step)).append("** (see the guide: ")
                        .append("https://github.com/moby/buildkit/blob/master/.github/issue_reporting_guide.md#").append(def.anchor()).append(")\n\n");
                appendCapture(b, inline.get(step), step);
            }
        }
        if (!related.isEmpty()) {
            b.append("### Related issues\n\n");
            related.forEach(r -> b.append("- ").append(r).append('\n'));
            b.append('\n');
        }
        b.append("<sub>Drafted with buildkit-bot, following the BuildKit issue reporting guide.</sub>\n");
        return b.toString();
    }

    /**
     * The environment in the bug form's words: how BuildKit runs, versions, driver, rootless,
     * platform — what the pasted output said, so maintainers need not dig it out — and whether the
     * latest release was tried.
     */
    private List<String> environment(Session session) {
        Capture tried = session.captures().get("try-latest");
        String runtime = session.runtime() == null ? null : flows.runtime(session.runtime()).map(Walkthroughs.Runtime::label).orElse(null);
        List<String> lines = session.facts().isEmpty() ? new ArrayList<>() : new ArrayList<>(session.facts().describe(runtime));
        if (tried != null) {
            lines.add("Latest release: " + tried.text().strip());
        }
        return lines;
    }

    private void section(StringBuilder b, Map<String, Capture> inline, List<Reply.File> files, String step, String heading) {
        boolean asFile = files.stream().anyMatch(f -> f.name().equals(fileName(step)));
        if (inline.containsKey(step) || asFile) {
            b.append(heading).append("\n\n");
            appendCapture(b, inline.get(step), step);
        }
    }

    private static void appendCapture(StringBuilder b, Capture capture, String step) {
        if (capture == null) {
            b.append("_Attached as `").append(fileName(step)).append("`._\n\n");
            return;
        }
        String text = capture.text().strip();
        String fence = text.contains("```") ? "~~~~" : "```";
        b.append(fence).append('\n').append(text).append('\n').append(fence).append("\n\n");
    }

    private static String heading(String step) {
        return switch (step) {
            case "goroutines" -> "Goroutine dump";
            case "error-trace" -> "Error / panic trace";
            case "debug-logs" -> "Daemon debug logs";
            case "scheduler-debug" -> "Scheduler debug logs (BUILDKIT_SCHEDULER_DEBUG=1)";
            case "last-good" -> "Last good / first bad version";
            case "bisect" -> "git bisect result";
            case "build-record" -> "Build record";
            case "live-debug" -> "Live debugging";
            default -> step;
        };
    }

    static String fileName(String step) {
        return step + ".txt";
    }

    private static Reply.File file(String step, Capture capture) {
        return new Reply.File(fileName(step), capture.text());
    }

    private String url(String title, String body) {
        String base = "https://github.com/" + repo + "/issues/new?";
        if (templates.blankIssuesEnabled()) {
            return base + "title=" + encode(title) + "&body=" + encode(body);
        }
        if (templates.bugTextareaId() != null) {
            return base + "template=" + encode(templates.bugTemplate()) + "&title=" + encode(title) + "&" + templates.bugTextareaId() + "=" + encode(body);
        }
        return base + (templates.bugTemplate() == null ? "" : "template=" + encode(templates.bugTemplate()) + "&") + "title=" + encode(title);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
