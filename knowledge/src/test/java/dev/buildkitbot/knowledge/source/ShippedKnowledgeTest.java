package dev.buildkitbot.knowledge.source;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedKnowledgeTest {
    @Test
    void shipsTheGuideDocsFormsAndSecurityPolicyUnmodified() throws Exception {
        ShippedKnowledge shipped = ShippedKnowledge.load();
        Path shared = Path.of("..", "..", "shared", "knowledge");

        assertThat(shipped.guide().content()).isEqualTo(Files.readString(shared.resolve("issue_reporting_guide.md")));
        assertThat(shipped.file("moby/buildkit", "docs/rootless.md")).get()
                .extracting(KnowledgeFile::content).isEqualTo(Files.readString(shared.resolve("upstream/docs/rootless.md")));
        assertThat(shipped.file("moby/buildkit", ".github/SECURITY.md")).isPresent();
        assertThat(shipped.file("moby/buildkit", ".github/ISSUE_TEMPLATE/bug.yml")).isPresent();
        assertThat(shipped.file("docker/buildx", "docs/reference/buildx_create.md")).isPresent();
        assertThat(ShippedKnowledgeTest.class.getResource("/dev/buildkitbot/knowledge/shipped/NOTICE")).isNotNull();
    }

    @Test
    void sectionsCoverGuideAndDocsAndTheHashIsStable() {
        ShippedKnowledge a = ShippedKnowledge.load();
        ShippedKnowledge b = ShippedKnowledge.load();

        assertThat(a.sections()).filteredOn(s -> s.source().equals("guide")).hasSize(12);
        assertThat(a.sections()).filteredOn(s -> s.source().equals("docs")).hasSizeGreaterThan(300);
        assertThat(a.contentHash()).hasSize(64).isEqualTo(b.contentHash());
        assertThat(a.hints().byAnchor()).containsKey("reporting-deadlock");
        a.hints().byAnchor().keySet().forEach(anchor ->
                assertThat(a.sections()).as("hint anchor %s exists", anchor).anyMatch(s -> s.anchor().equals(anchor)));
    }

    @Test
    void everyGuideSectionWithTextHasQuestionsAndEveryQuestionNamesARealSection() {
        ShippedKnowledge k = ShippedKnowledge.load();
        var guide = k.sections().stream().filter(s -> s.source().equals("guide")).toList();
        k.hints().questions().keySet().forEach(anchor ->
                assertThat(guide).as("question anchor %s exists", anchor).anyMatch(s -> s.anchor().equals(anchor)));
        guide.stream().filter(s -> !s.anchor().equals("additional-reading")).forEach(s ->
                assertThat(k.hints().questionsFor(s)).as(s.anchor()).hasSizeGreaterThanOrEqualTo(4));
        Section docs = k.sections().stream().filter(s -> s.source().equals("docs")).findFirst().orElseThrow();
        assertThat(k.hints().questionsFor(docs)).isEmpty();
    }
}
