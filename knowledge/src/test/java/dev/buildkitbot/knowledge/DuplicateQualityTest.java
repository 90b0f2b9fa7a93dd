package dev.buildkitbot.knowledge;

import dev.buildkitbot.knowledge.eval.DuplicateEvaluation;
import dev.buildkitbot.knowledge.index.BuildkitAnalyzers;
import dev.buildkitbot.knowledge.issues.IssueFileReader;
import dev.buildkitbot.knowledge.issues.IssueRecord;
import dev.buildkitbot.knowledge.similar.DuplicateFinder;
import dev.buildkitbot.knowledge.similar.IssueMatch;
import dev.buildkitbot.knowledge.similar.TitleScanBaseline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** `similar` on the shared real duplicate pairs must beat what simple title-matching bots do. */
class DuplicateQualityTest {
    static final Path DATA = Path.of("..", "..", "shared", "data");

    @TempDir
    Path dir;

    @Test
    void beatsTheTitleOnlyBaselineOnKnownDuplicatePairs() throws Exception {
        List<IssueRecord> issues = new ArrayList<>();
        issues.addAll(IssueFileReader.read(DATA.resolve("issues-moby-buildkit.jsonl"), null).issues());
        issues.addAll(IssueFileReader.read(DATA.resolve("issues-docker-buildx.jsonl"), null).issues());
        Map<String, IssueRecord> byKey = issues.stream().collect(Collectors.toMap(IssueRecord::key, Function.identity()));
        var pairs = DuplicateEvaluation.readPairs(DATA.resolve("duplicates-dev.jsonl"));

        try (Knowledge k = Knowledge.open(dir)) {
            k.upsertIssues(issues);
            var real = DuplicateEvaluation.run("similar", pairs, byKey, (dup, exclude) ->
                    k.similar(dup.title() + "\n" + dup.body(), new DuplicateFinder.Options(10, false, Set.of(exclude)))
                            .stream().map(IssueMatch::reference).toList());
            TitleScanBaseline baseline = new TitleScanBaseline(new BuildkitAnalyzers(), issues);
            var base = DuplicateEvaluation.run("title baseline", pairs, byKey, (dup, exclude) ->
                    baseline.rank(dup.title(), Set.of(exclude), 10).stream().map(r -> r.issue().key()).toList());
            System.out.println(real.row() + "\n" + base.row());

            assertThat(real.skipped()).isZero();
            assertThat(real.recallAt(10)).as(real.row() + " vs " + base.row()).isGreaterThan(base.recallAt(10));
            assertThat(real.recallAt(5)).as(real.row() + " vs " + base.row()).isGreaterThan(base.recallAt(5));
            assertThat(real.mrr()).as(real.row() + " vs " + base.row()).isGreaterThan(base.mrr());
        }
    }
}
