package dev.buildkitbot.knowledge.issues;

import dev.buildkitbot.knowledge.Knowledge;
import dev.buildkitbot.knowledge.SearchMode;
import dev.buildkitbot.knowledge.similar.DuplicateFinder;
import dev.buildkitbot.knowledge.similar.IssueMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue vectors: computed after the words are searchable, kept with the index, recomputed only for changed text. */
class IssueVectorsTest {
    @TempDir
    Path data;

    static IssueRecord issue(int number, String title, String body) {
        return new IssueRecord("moby/buildkit", number, title, body, "open", null, List.of(), "u",
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), null, 0,
                "https://github.com/moby/buildkit/issues/" + number, false);
    }

    static final List<IssueRecord> ISSUES = List.of(
            issue(1, "build hangs forever on RUN step", "nothing happens, the build is stuck"),
            issue(2, "cache export to registry fails with 401", "pushing the cache is unauthorized"),
            issue(3, "Proposal: entitlements", "builds could request extra capabilities such as an insecure sandbox"));

    static Knowledge open(Path data) {
        return Knowledge.open(data, Knowledge.Options.defaults().withoutShippedIssues());
    }

    @Test
    void wordsFirstThenVectorsBatchByBatchThenNothingIsRecomputed() {
        try (Knowledge k = open(data)) {
            k.upsertIssues(ISSUES);
            assertThat(k.issuesWithoutVectors()).isEqualTo(3);
            // Searchable by words before any vector exists.
            assertThat(k.similar("cache export 401", DuplicateFinder.Options.top(1))).extracting(IssueMatch::number).containsExactly(2);

            List<int[]> progress = new ArrayList<>();
            assertThat(k.embedMissingIssueVectors(2, (done, total) -> progress.add(new int[]{done, total}))).isEqualTo(3);
            assertThat(progress).extracting(p -> p[0] + "/" + p[1]).containsExactly("2/3", "3/3");
            assertThat(k.issuesWithoutVectors()).isZero();
        }
        try (Knowledge k = open(data)) {
            assertThat(k.issuesWithoutVectors()).as("vectors persist with the index").isZero();
            // The same text again keeps its vector; a changed description loses it until recomputed.
            k.upsertIssues(List.of(ISSUES.get(0), issue(2, "cache export to registry fails with 401", "now with a longer description")));
            assertThat(k.issuesWithoutVectors()).isEqualTo(1);
            assertThat(k.embedMissingIssueVectors(256, (done, total) -> { })).isEqualTo(1);
        }
    }

    @Test
    void aRebuiltIndexGetsItsIssuesBackAndTheirVectorsAgain() throws Exception {
        try (Knowledge k = open(data)) {
            k.upsertIssues(ISSUES);
            k.embedMissingIssueVectors(256, (done, total) -> { });
        }
        try (var files = Files.walk(data.resolve("index"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (Knowledge k = open(data)) {
            assertThat(k.issuesWithoutVectors()).isEqualTo(3);
            k.embedMissingIssueVectors(256, (done, total) -> { });
            assertThat(k.similar("my build is frozen and never completes", DuplicateFinder.Options.top(1)))
                    .extracting(IssueMatch::number).containsExactly(1);
        }
    }

    @Test
    void withVectorsOffNothingIsEmbeddedAndSearchIsLexical() {
        try (Knowledge k = Knowledge.open(data, Knowledge.Options.defaults().withoutShippedIssues().lexicalOnly())) {
            k.upsertIssues(ISSUES);
            assertThat(k.embedder().enabled()).isFalse();
            assertThat(k.issuesWithoutVectors()).isZero();
            assertThat(k.embedMissingIssueVectors(256, (done, total) -> { })).isZero();
            assertThat(k.similar("cache export 401", DuplicateFinder.Options.top(1).with(SearchMode.HYBRID)))
                    .extracting(IssueMatch::number).containsExactly(2);
            assertThat(k.ask("how do I get a stack trace when buildkitd hangs")).isNotEmpty();
        }
    }
}
