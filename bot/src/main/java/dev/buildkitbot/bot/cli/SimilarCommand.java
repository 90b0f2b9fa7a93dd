package dev.buildkitbot.bot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.buildkitbot.knowledge.Knowledge;
import dev.buildkitbot.knowledge.SearchMode;
import dev.buildkitbot.knowledge.similar.DuplicateFinder;
import dev.buildkitbot.knowledge.similar.IssueMatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "similar", mixinStandardHelpOptions = true,
        description = "Existing issues that look like a problem description (a title, an error, a report).")
final class SimilarCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "the description (use - to read it from stdin)")
    List<String> words;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Option(names = "--limit", defaultValue = "5", description = "how many matches (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--include-prs", description = "also match pull requests")
    boolean includePrs;

    @Option(names = "--lexical", description = "rank by words only (what the bot did without its embedding model)")
    boolean lexical;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (limit < 1 || limit > 100) {
            throw new UserException("--limit must be between 1 and 100");
        }
        String text = words.size() == 1 && words.get(0).equals("-")
                ? new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                : String.join(" ", words);
        try (Knowledge knowledge = data.open()) {
            List<IssueMatch> matches = knowledge.similar(text, new DuplicateFinder.Options(limit, includePrs, Set.of(),
                    lexical ? SearchMode.LEXICAL : SearchMode.HYBRID));
            print(spec.commandLine().getOut(), matches, knowledge);
        }
        return 0;
    }

    private void print(PrintWriter out, List<IssueMatch> matches, Knowledge knowledge) throws JsonProcessingException {
        if (json) {
            out.println(Json.MAPPER.writeValueAsString(Map.of("matches", matches.stream().map(SimilarCommand::toJson).toList())));
        } else if (matches.isEmpty()) {
            out.println("No similar issue found (issues: " + knowledge.snapshot().freshness() + "; buildkit-bot sync brings them up to date).");
        } else {
            // A reader scans by confidence; --json keeps the ranking's order (and its score) for tools.
            List<IssueMatch> byConfidence = new java.util.ArrayList<>(matches);
            byConfidence.sort(java.util.Comparator.comparingDouble(IssueMatch::confidence).reversed());
            for (IssueMatch m : byConfidence) {
                out.printf("%-22s %-6s conf=%.2f  %s%n    %s%n    %s%n", m.reference(), m.state(), m.confidence(), m.title(), m.url(), m.why());
            }
            out.println("Issues: " + knowledge.snapshot().freshness());
        }
        out.flush();
    }

    static Map<String, Object> toJson(IssueMatch m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("repo", m.repo());
        o.put("number", m.number());
        o.put("title", m.title());
        o.put("state", m.state());
        o.put("url", m.url());
        o.put("score", m.score());
        o.put("confidence", m.confidence());
        o.put("why", m.why());
        return o;
    }
}
