package dev.buildkitbot.knowledge.issues;

import dev.buildkitbot.knowledge.Knowledge;
import dev.buildkitbot.knowledge.similar.DuplicateFinder;
import dev.buildkitbot.knowledge.similar.IssueMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh data dir starts from the issues shipped in the jar: duplicate checks work on the first run. */
class ShippedIssuesTest {
    @TempDir
    Path data;

    @Test
    void theJarShipsRealIssuesWithTheirDatesAndNoAuthors() {
        ShippedIssues shipped = ShippedIssues.load();
        assertThat(shipped.issues()).hasSizeGreaterThan(1000);
        assertThat(shipped.asOf()).containsOnlyKeys("moby/buildkit", "docker/buildx");
        assertThat(shipped.issues()).extracting(IssueRecord::repo).containsOnly("moby/buildkit", "docker/buildx");
        assertThat(shipped.issues()).allSatisfy(i -> {
            assertThat(i.author()).isNull();
            assertThat(i.body().length()).isLessThanOrEqualTo(ShippedIssues.BODY_CHARS);
        });
    }

    @Test
    void aFreshDataDirSearchesTheShippedIssuesByWordsAndMeaningAtOnce() {
        try (Knowledge k = Knowledge.open(data)) {
            List<IssueMatch> matches = k.similar("failed to compute cache key: not found", DuplicateFinder.Options.top(5));
            assertThat(matches).isNotEmpty().allSatisfy(m -> assertThat(m.repo()).isIn("moby/buildkit", "docker/buildx"));
            assertThat(matches.get(0).title().toLowerCase()).contains("cache key");
            // Their vectors came with the build: nothing waits to be embedded.
            assertThat(k.issuesWithoutVectors()).isZero();
            assertThat(k.snapshot().freshness()).isEqualTo("docker/buildx as of 2026-09-17, moby/buildkit as of 2026-09-21");
            assertThat(k.freshness()).contains("issues: docker/buildx as of 2026-09-17");
        }
        // Seeded once: the data dir now has its own snapshot, which later opens use.
        try (Knowledge k = Knowledge.open(data)) {
            assertThat(k.snapshot().all()).hasSize(ShippedIssues.load().issues().size());
        }
    }

    @Test
    void importsAndSyncsAddToTheShippedIssuesAndMoveTheirDate() {
        try (Knowledge k = Knowledge.open(data)) {
            int before = k.snapshot().all().size();
            k.upsertIssues(List.of(new IssueRecord("moby/buildkit", 999_999, "brand new report", "text", "open", null, List.of(),
                    null, Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"), null, 0,
                    "https://github.com/moby/buildkit/issues/999999", false)));
            assertThat(k.snapshot().all()).hasSize(before + 1);
            assertThat(k.snapshot().freshness()).contains("moby/buildkit as of 2026-12-01");
        }
    }

    @Test
    void aDataDirThatAsksForNoShippedIssuesStaysEmpty() {
        try (Knowledge k = Knowledge.open(data, Knowledge.Options.defaults().withoutShippedIssues())) {
            assertThat(k.snapshot().isEmpty()).isTrue();
            assertThat(k.similar("failed to compute cache key: not found", DuplicateFinder.Options.top(5))).isEmpty();
            assertThat(k.snapshot().freshness()).isEqualTo("no issues yet");
        }
    }
}
