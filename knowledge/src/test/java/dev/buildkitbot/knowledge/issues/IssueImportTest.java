package dev.buildkitbot.knowledge.issues;

import dev.buildkitbot.knowledge.Knowledge;
import dev.buildkitbot.knowledge.similar.DuplicateFinder;
import dev.buildkitbot.knowledge.similar.IssueMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IssueImportTest {
    @TempDir
    Path data;

    static IssueRecord issue(String repo, int number, String title, String body, String state, boolean pr) {
        return new IssueRecord(repo, number, title, body, state, null, List.of(), "u", Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-01-01T00:00:00Z"), null, 0, "https://github.com/" + repo + "/issues/" + number, pr);
    }

    @Test
    void repeatedImportsUpdateInPlaceAndSurviveAnIndexRebuild() throws Exception {
        try (Knowledge k = Knowledge.open(data, Knowledge.Options.defaults().withoutShippedIssues())) {
            k.upsertIssues(List.of(issue("moby/buildkit", 10, "cache export to quay fails with 401", "", "open", false)));
            k.upsertIssues(List.of(issue("moby/buildkit", 10, "cache export to quay fails with 401 Unauthorized", "", "closed", false),
                    issue("docker/buildx", 10, "kubernetes driver permissions anonymous user", "", "open", false)));

            List<IssueMatch> matches = k.similar("exporting cache to quay gives 401", DuplicateFinder.Options.top(5));
            assertThat(matches).filteredOn(m -> m.repo().equals("moby/buildkit")).singleElement()
                    .satisfies(m -> {
                        assertThat(m.state()).isEqualTo("closed");
                        assertThat(m.title()).endsWith("Unauthorized");
                        assertThat(m.reference()).isEqualTo("moby/buildkit#10");
                    });
            assertThat(k.snapshot().all()).hasSize(2);

            // One batch holding the same issue twice: one document, the later version.
            k.upsertIssues(List.of(issue("docker/buildx", 77, "bake zyxwv first", "", "open", false),
                    issue("docker/buildx", 77, "bake zyxwv second", "", "closed", false)));
            assertThat(k.similar("bake zyxwv", DuplicateFinder.Options.top(5)))
                    .filteredOn(m -> m.number() == 77).singleElement()
                    .satisfies(m -> assertThat(m.title()).isEqualTo("bake zyxwv second"));
        }
        // Lose the index entirely: the snapshot brings every issue back.
        try (var files = Files.walk(data.resolve("index"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (Knowledge k = Knowledge.open(data, Knowledge.Options.defaults().withoutShippedIssues())) {
            assertThat(k.similar("kubernetes driver anonymous permissions", DuplicateFinder.Options.top(5)))
                    .extracting(IssueMatch::reference).contains("docker/buildx#10");
        }
    }
}
