package dev.buildkitbot.knowledge.embed;

import dev.buildkitbot.knowledge.source.Section;
import dev.buildkitbot.knowledge.source.SectionHints;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddingTextsTest {
    private static final SectionHints EXTRA = new SectionHints(
            Map.of("reporting-deadlock", "hang stuck frozen"),
            Map.of("reporting-deadlock", List.of("my build is stuck, what do I send?")), "");

    private static Section section(String source, String anchor, String text) {
        return new Section(source, "moby/buildkit", "x.md", anchor, "Reporting deadlock", "Guide", text, List.of(), "u");
    }

    @Test
    void guideSectionsGetWindowsSentencesHintsAndQuestions() {
        Section s = section("guide", "reporting-deadlock",
                "A deadlock or a hang is a situation where BuildKit locks up. It may also block further requests. See below.");
        List<String> passages = EmbeddingTexts.sectionPassages(s, EXTRA);

        assertThat(passages.get(0)).startsWith("Guide: Reporting deadlock\nA deadlock");
        assertThat(passages).contains(
                "Reporting deadlock: A deadlock or a hang is a situation where BuildKit locks up.",
                "Reporting deadlock: It may also block further requests.",
                "Reporting deadlock: hang stuck frozen",
                "my build is stuck, what do I send?");
        assertThat(passages).as("a question stands alone, as the user's does").doesNotContain("Reporting deadlock: my build is stuck, what do I send?");
        assertThat(passages).as("a two-word sentence says too little").noneMatch(p -> p.endsWith(": See below."));
        assertThat(passages).doesNotHaveDuplicates();
    }

    @Test
    void docsSectionsGetWindowsOnly() {
        Section s = section("docs", "reporting-deadlock", "One sentence here. And another sentence there.");
        assertThat(EmbeddingTexts.sectionPassages(s, EXTRA)).isEqualTo(EmbeddingTexts.sectionChunks(s)).hasSize(1);
    }

    @Test
    void longSectionsAreWindowedWithOverlap() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append("w").append(i).append(' ');
        }
        List<String> chunks = EmbeddingTexts.sectionChunks(section("docs", "a", text.toString()));
        assertThat(chunks).hasSize(5);
        assertThat(chunks.get(1)).contains("w45 ").contains("w104");
    }
}
