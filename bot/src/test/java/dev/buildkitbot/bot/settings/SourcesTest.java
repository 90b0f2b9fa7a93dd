package dev.buildkitbot.bot.settings;

import dev.buildkitbot.knowledge.source.KnowledgeFile;
import dev.buildkitbot.knowledge.source.ShippedKnowledge;
import dev.buildkitbot.knowledge.source.SourceSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** config/sources.yml must cover every shipped file with the kind it ships as, or a first sync would drop it. */
class SourcesTest {
    @Test
    void everyShippedFileIsCoveredWithItsKind() {
        List<SourceSpec> sources = Sources.load();
        assertThat(sources).extracting(SourceSpec::repo).containsExactly("moby/buildkit", "docker/buildx");
        for (KnowledgeFile f : ShippedKnowledge.load().files()) {
            SourceSpec spec = sources.stream().filter(s -> s.repo().equals(f.repo())).findFirst().orElseThrow();
            assertThat(spec.kindOf(f.path())).as(f.repo() + " " + f.path()).contains(f.kind());
        }
        SourceSpec buildkit = sources.get(0);
        assertThat(buildkit.kindOf("cmd/buildkitd/main.go")).isEmpty();
        assertThat(buildkit.kindOf("docs/dev/solver.md")).contains("docs");
    }
}
