package dev.buildkitbot.bot.cli;

import dev.buildkitbot.knowledge.Knowledge;
import dev.buildkitbot.knowledge.SearchMode;
import dev.buildkitbot.knowledge.eval.DuplicateEvaluation;
import dev.buildkitbot.knowledge.index.BuildkitAnalyzers;
import dev.buildkitbot.knowledge.issues.IssueRecord;
import dev.buildkitbot.knowledge.similar.DuplicateFinder;
import dev.buildkitbot.knowledge.similar.IssueMatch;
import dev.buildkitbot.knowledge.similar.IssueReferences;
import dev.buildkitbot.knowledge.similar.TitleScanBaseline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

@Command(name = "eval-duplicates", mixinStandardHelpOptions = true,
        description = "Recall@1/5/10 and MRR of `similar` on known duplicate pairs, beside a title-only baseline. "
                + "Import the issues first.")
final class EvalDuplicatesCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Parameters(paramLabel = "PAIRS", arity = "1..*", description = "JSON lines {repo, dup, original_repo, original} "
            + "(with \"hide_references\": true, the report's issue references are taken out first), "
            + "or {title, body, original_repo, original} for a report written as a paraphrase")
    java.util.List<Path> pairsFiles;

    @picocli.CommandLine.Option(names = "--verbose", description = "print the rank of each pair")
    boolean verbose;

    @picocli.CommandLine.Option(names = "--title-only", description = "query with each report's title alone "
            + "(its references taken out): what a one-line channel message finds")
    boolean titleOnly;

    @Spec
    CommandSpec spec;

    private java.util.function.BiFunction<IssueRecord, String, java.util.List<String>> ranker(Knowledge knowledge, SearchMode mode) {
        return (dup, exclude) -> knowledge.similar(titleOnly ? IssueReferences.strip(dup.title()) : dup.title() + "\n" + dup.body(),
                        new DuplicateFinder.Options(10, false, exclude == null ? Set.of() : Set.of(exclude), mode))
                .stream().map(IssueMatch::reference).toList();
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Knowledge knowledge = data.open()) {
            Map<String, IssueRecord> issues = knowledge.snapshot().all().stream()
                    .collect(Collectors.toMap(IssueRecord::key, Function.identity()));
            knowledge.embedMissingIssueVectors(256, (done, total) -> { });
            TitleScanBaseline baseline = new TitleScanBaseline(new BuildkitAnalyzers(), knowledge.snapshot().all());
            for (Path pairsFile : pairsFiles) {
                var pairs = DuplicateEvaluation.readPairs(pairsFile);
                out.println("== " + pairsFile);
                var hybrid = DuplicateEvaluation.run("similar (hybrid)", pairs, issues, ranker(knowledge, SearchMode.HYBRID));
                var lexical = DuplicateEvaluation.run("similar (lexical)", pairs, issues, ranker(knowledge, SearchMode.LEXICAL));
                var base = DuplicateEvaluation.run("title-scan baseline", pairs, issues, (dup, exclude) ->
                        baseline.rank(dup.title(), exclude == null ? Set.of() : Set.of(exclude), 10).stream().map(r -> r.issue().key()).toList());
                if (verbose) {
                    for (int i = 0; i < hybrid.ranks().size(); i++) {
                        out.printf("  rank %2d (lexical %2d, baseline %2d)%n", hybrid.ranks().get(i), lexical.ranks().get(i), base.ranks().get(i));
                    }
                }
                out.println(hybrid.row());
                out.println(lexical.row());
                out.println(base.row());
                if (hybrid.skipped() > 0) {
                    out.printf("(%d pairs skipped: their issues are not imported)%n", hybrid.skipped());
                }
            }
        }
        out.flush();
        return 0;
    }
}
