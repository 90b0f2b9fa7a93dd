package dev.buildkitbot.bot.cli;

import dev.buildkitbot.knowledge.Knowledge;
import dev.buildkitbot.knowledge.eval.DuplicateEvaluation;
import dev.buildkitbot.knowledge.index.BuildkitAnalyzers;
import dev.buildkitbot.knowledge.issues.IssueRecord;
import dev.buildkitbot.knowledge.similar.DuplicateFinder;
import dev.buildkitbot.knowledge.similar.IssueMatch;
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

    @Parameters(paramLabel = "PAIRS", description = "JSON lines {repo, dup, original_repo, original}")
    Path pairsFile;

    @picocli.CommandLine.Option(names = "--verbose", description = "print the rank of each pair")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Knowledge knowledge = Knowledge.open(data.dir())) {
            Map<String, IssueRecord> issues = knowledge.snapshot().all().stream()
                    .collect(Collectors.toMap(IssueRecord::key, Function.identity()));
            var pairs = DuplicateEvaluation.readPairs(pairsFile);
            var real = DuplicateEvaluation.run("similar (index)", pairs, issues, (dup, exclude) ->
                    knowledge.similar(dup.title() + "\n" + dup.body(), new DuplicateFinder.Options(10, false, Set.of(exclude)))
                            .stream().map(IssueMatch::reference).toList());
            TitleScanBaseline baseline = new TitleScanBaseline(new BuildkitAnalyzers(), knowledge.snapshot().all());
            var base = DuplicateEvaluation.run("title-scan baseline", pairs, issues, (dup, exclude) ->
                    baseline.rank(dup.title(), Set.of(exclude), 10).stream().map(r -> r.issue().key()).toList());
            if (verbose) {
                for (int i = 0; i < real.ranks().size(); i++) {
                    out.printf("  rank %2d (baseline %2d)%n", real.ranks().get(i), base.ranks().get(i));
                }
            }
            out.println(real.row());
            out.println(base.row());
            if (real.skipped() > 0) {
                out.printf("(%d pairs skipped: their issues are not imported)%n", real.skipped());
            }
        }
        out.flush();
        return 0;
    }
}
