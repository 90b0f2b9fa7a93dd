package dev.buildkitbot.bot.console;

import dev.buildkitbot.bot.answer.AnswerComposer;
import dev.buildkitbot.bot.answer.AnswerReply;
import dev.buildkitbot.bot.report.Reports;
import dev.buildkitbot.bot.report.engine.Input;
import dev.buildkitbot.bot.report.engine.Outcome;
import dev.buildkitbot.bot.report.engine.Reply;
import dev.buildkitbot.bot.report.engine.ReportEngine;
import dev.buildkitbot.bot.report.flow.Walkthroughs;
import dev.buildkitbot.knowledge.ask.Answer;
import dev.buildkitbot.knowledge.similar.IssueMatch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The same conversations as in Slack, in a terminal or over piped stdin. Choices print as
 * {@code [id] label} and are picked by id or number; a capture is pasted and ended with a line
 * holding only "."; a paragraph step ("what happened") reads up to an empty line; a step's
 * commands (help, back, skip, cancel) typed as the first line are commands, never text;
 * {@code /attach PATH} sends a file; the final link prints alone on its own line. The end of input
 * in the middle of a paste submits nothing: the report stays saved where it was.
 */
public final class ConsoleConversation {
    private final Reports reports;
    private final AnswerComposer answers;
    private final String owner;
    private final Path outputDir;
    private final BufferedReader in;
    private final PrintWriter out;
    private List<Reply.Option> lastChoices = List.of();
    /** Words that are the walkthrough's commands when typed alone at a paste or paragraph step. */
    private static final Set<String> STEP_COMMANDS = Set.of("help", "skip", "back", "cancel");

    public ConsoleConversation(Reports reports, AnswerComposer answers, String owner, Path outputDir, BufferedReader in, PrintWriter out) {
        this.reports = reports;
        this.answers = answers;
        this.owner = owner;
        this.outputDir = outputDir;
        this.in = in;
        this.out = out;
    }

    public void run() throws IOException {
        out.println("buildkit-bot console. Ask a question, or type /buildkit-report to report a problem step by step. /quit to leave.");
        reports.active(owner).ifPresent(s -> {
            out.println("You have a report in progress.");
            show(reports.command(owner, ""));
        });
        out.flush();
        String line;
        while ((line = in.readLine()) != null) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.equals("/quit") || trimmed.equals("/exit")) {
                break;
            }
            if (trimmed.startsWith("/buildkit-report")) {
                show(reports.command(owner, trimmed.substring("/buildkit-report".length())));
            } else if (trimmed.startsWith("/attach")) {
                attach(trimmed.substring("/attach".length()).strip());
            } else if (reports.active(owner).isPresent()) {
                String text = awaiting(Outcome::awaitingCapture) ? readUntil(line, false)
                        : awaiting(Outcome::awaitingParagraph) ? readUntil(line, true)
                        : choiceOrText(trimmed);
                if (text == null) {
                    break;
                }
                reports.input(owner, isChoice(text) ? new Input.Choice(text) : new Input.Text(text)).ifPresent(this::show);
            } else {
                show(answers.compose(trimmed));
            }
            out.flush();
        }
        if (reports.active(owner).isPresent()) {
            out.println("Your report is saved where you left it: run `java -jar buildkit-bot.jar console` again to go on "
                    + "(or `/buildkit-report cancel` to drop it).");
        }
        out.flush();
    }

    private boolean awaiting(BiPredicate<Outcome, Walkthroughs> what) {
        return reports.active(owner).map(s -> what.test(new Outcome(s, List.of()), reports.engine().flows())).orElse(false);
    }

    /**
     * This line and the following ones, up to a line holding only "." (or, for a paragraph, an empty
     * line). Null when the input ends first: half a paste is never submitted.
     */
    private String readUntil(String first, boolean paragraph) throws IOException {
        String word = first.strip();
        if (STEP_COMMANDS.contains(word)) {
            return word;
        }
        StringBuilder sb = new StringBuilder(first);
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals(".") || (paragraph && line.isBlank())) {
                return sb.toString();
            }
            sb.append('\n').append(line);
        }
        out.println("The input ended before the " + (paragraph ? "empty line" : "\".\" line") + " that ends this answer, so I kept nothing of it.");
        return null;
    }

    private String choiceOrText(String text) {
        if (text.matches("\\d+")) {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= lastChoices.size()) {
                return lastChoices.get(n - 1).id();
            }
        }
        return text;
    }

    private boolean isChoice(String text) {
        return lastChoices.stream().anyMatch(o -> o.id().equals(text));
    }

    private void attach(String path) throws IOException {
        if (reports.active(owner).isEmpty()) {
            out.println("There is no report in progress: /buildkit-report starts one.");
            return;
        }
        Path file = Path.of(path);
        if (path.isEmpty() || !Files.isRegularFile(file) || !Files.isReadable(file)) {
            out.println("Cannot read " + (path.isEmpty() ? "(no path given)" : path) + ". Usage: /attach PATH");
            return;
        }
        if (Files.size(file) > ReportEngine.MAX_CAPTURE_BYTES) {
            out.println("That file is over 20 MB. Send the relevant part.");
            return;
        }
        reports.input(owner, new Input.Upload(file.getFileName().toString(), Files.readAllBytes(file))).ifPresent(this::show);
    }

    private void show(Outcome outcome) {
        for (Reply reply : outcome.replies()) {
            if (reply instanceof Reply.Text t) {
                out.println(t.text());
            } else if (reply instanceof Reply.Code c) {
                c.text().lines().forEach(l -> out.println("    $ " + l));
            } else if (reply instanceof Reply.Choices c) {
                lastChoices = c.options();
                out.println(c.prompt());
                for (int i = 0; i < c.options().size(); i++) {
                    out.printf("  %d) [%s] %s%n", i + 1, c.options().get(i).id(), c.options().get(i).label());
                }
            } else if (reply instanceof Reply.Link l) {
                out.println(l.label() + ":");
                out.println(l.url());
            } else if (reply instanceof Reply.File f) {
                out.println("Saved " + save(f) + " (" + f.content().length() + " characters)");
            }
        }
        if (outcome.awaitingCapture(reports.engine().flows())) {
            out.println("(Paste, then a line with only \".\" to finish; or /attach PATH.)");
        } else if (outcome.awaitingParagraph(reports.engine().flows())) {
            out.println("(Several lines are fine: end with an empty line.)");
        }
        out.flush();
    }

    private Path save(Reply.File file) {
        try {
            Files.createDirectories(outputDir);
            Path target = outputDir.resolve(file.name().replaceAll("[^A-Za-z0-9_.-]", "_"));
            Files.writeString(target, file.content());
            return target;
        } catch (IOException e) {
            out.println("Could not save " + file.name() + ": " + e.getMessage());
            return Path.of(file.name());
        }
    }

    private void show(AnswerReply reply) {
        if (reply.abstained()) {
            out.println("I couldn't find this in the issue reporting guide or the docs. If something is broken, /buildkit-report walks you through a report.");
        }
        for (Answer a : reply.answers().subList(0, Math.min(3, reply.answers().size()))) {
            out.println("* " + a.title() + " (" + ("guide".equals(a.source()) ? "issue reporting guide" : a.repo() + " " + a.path()) + ")");
            out.println("  " + a.snippet());
            out.println("  " + a.url());
        }
        if (!reply.related().isEmpty()) {
            out.println("Related issues:");
            for (IssueMatch m : reply.related()) {
                out.println("  " + m.reference() + " " + m.title() + " (" + m.state() + ") " + m.url()
                        + (m.why().isBlank() ? "" : " — " + m.why()));
            }
        }
        if (!reply.abstained() || !reply.related().isEmpty()) {
            out.println("(" + reply.freshness() + ")");
        }
        out.flush();
    }
}
