package dev.buildkitbot.knowledge.ask;

import dev.buildkitbot.knowledge.embed.Embedder;
import dev.buildkitbot.knowledge.embed.TextKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OffTopicBackgroundTest {
    /** Three axes: a text's vector is its axis by the first word, so closeness is easy to predict. */
    static final class AxisModel implements Embedder {
        final List<String> embedded = new ArrayList<>();

        @Override
        public String id() {
            return "axis";
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            embedded.addAll(texts);
            return texts.stream().map(AxisModel::axis).toList();
        }

        static float[] axis(String text) {
            return switch (text.split(" ")[0]) {
                case "git" -> new float[] {1, 0, 0};
                case "pizza" -> new float[] {0, 1, 0};
                default -> new float[] {0, 0, 1};
            };
        }
    }

    @Test
    void closenessIsTheMeanCosineOfTheTwoNearestBackgroundQuestions() {
        AxisModel model = new AxisModel();
        var background = new OffTopicBackground(List.of("git rebase", "git stash", "pizza near me"), key -> null);

        assertThat(background.closeness(model, new float[] {1, 0, 0})).isCloseTo(1.0, within(1e-6));
        assertThat(background.closeness(model, new float[] {0, 1, 0})).as("one near question alone is not enough").isCloseTo(0.5, within(1e-6));
        assertThat(background.closeness(model, new float[] {0, 0, 1})).isCloseTo(0.0, within(1e-6));
        assertThat(background.closeness(model, new float[] {1, 1, 0})).isCloseTo(Math.sqrt(0.5), within(1e-6));
    }

    @Test
    void aSingleQuestionIsItsOwnCloseness() {
        var background = new OffTopicBackground(List.of("pizza near me"), key -> null);

        assertThat(background.closeness(new AxisModel(), new float[] {0, 1, 0})).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void vectorsShippedWithTheJarAreUsedAndTheRestComputedOnce() {
        AxisModel model = new AxisModel();
        Map<String, float[]> shipped = Map.of(TextKey.of("git rebase"), new float[] {1, 0, 0});
        var background = new OffTopicBackground(List.of("git rebase", "pizza near me"), shipped::get);

        background.closeness(model, new float[] {0, 1, 0});
        background.closeness(model, new float[] {0, 1, 0});

        assertThat(model.embedded).containsExactly("pizza near me");
    }

    @Test
    void withoutQuestionsNothingIsClose() {
        assertThat(OffTopicBackground.none().closeness(new AxisModel(), new float[] {1, 0, 0})).isEqualTo(-1);
    }

    @Test
    void theShippedListIsQuestionsWithoutRepeats() {
        List<String> questions = OffTopicBackground.load();
        assertThat(questions).hasSizeGreaterThanOrEqualTo(50).doesNotHaveDuplicates()
                .allSatisfy(q -> assertThat(q).doesNotStartWith("#").isNotBlank().doesNotContain("buildkit", "buildx"));
        assertThat(new HashSet<>(questions.stream().map(String::toLowerCase).toList())).hasSameSizeAs(questions);
    }
}
