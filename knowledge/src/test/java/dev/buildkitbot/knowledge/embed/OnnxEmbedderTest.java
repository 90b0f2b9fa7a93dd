package dev.buildkitbot.knowledge.embed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The shipped model, loaded from the jar with no network (DJL offline), on its own worker threads. */
class OnnxEmbedderTest {
    @TempDir
    static Path scratch;
    static OnnxEmbedder model;

    @BeforeAll
    static void load() {
        model = OnnxEmbedder.load(OnnxEmbedder.DEFAULT, scratch);
    }

    @Test
    void vectorsAreUnitLengthAndCloseTextsAreClose() {
        List<float[]> v = model.embed(List.of("my build hangs forever", "the build is stuck and never finishes",
                "how do I bake a chocolate cake"));
        assertThat(v).hasSize(3).allSatisfy(x -> assertThat(x).hasSize(384));
        double norm = 0;
        for (float x : v.get(0)) {
            norm += x * x;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-4));
        assertThat(cos(v.get(0), v.get(1))).isGreaterThan(cos(v.get(0), v.get(2)) + 0.2);
    }

    @Test
    void vectorsComputedOnWorkerThreadsEqualThoseComputedInline() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            texts.add("buildkitd panics on cache export number " + i);
        }
        List<CompletableFuture<float[]>> later = texts.stream().map(model::embedLater).toList();
        List<float[]> batch = model.embed(texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] async = Embedder.join(later.get(i));
            assertThat(cos(async, batch.get(i))).isCloseTo(1.0, within(1e-5));
            assertThat(cos(async, model.embed(texts.get(i)))).isCloseTo(1.0, within(1e-5));
        }
    }

    /** A text is cut after whole word pieces of the model's own tokenizer; one that fits is left as it is. */
    @Test
    void headKeepsWhatFitsInTheWordPieceBudget() {
        String prose = "the build hangs at exporting layers";
        assertThat(model.head(prose, 80)).isEqualTo(prose);
        assertThat(model.head(prose, 3)).isEqualTo("the build hangs");
        // Hashes and paths are many pieces per character: the same budget keeps far fewer characters of them.
        String hashes = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 ".repeat(10);
        String prose400 = "my build hangs when I export the cache to the registry and nothing happens after that ".repeat(5);
        assertThat(model.head(hashes, 40).length()).isLessThan(model.head(prose400, 40).length() / 2);
        assertThat(prose400).startsWith(model.head(prose400, 40));
        assertThat(model.head("", 10)).isEmpty();
        // Offsets count code points: an emoji (two UTF-16 units, one unknown piece) is never cut in half.
        assertThat(model.head("🐳 🐳 docker build hangs", 1)).isEqualTo("🐳");
        assertThat(model.head("🐳 🐳 docker build hangs", 2)).isEqualTo("🐳 🐳");
        assertThat(model.head("ビルドが止まる the build hangs", 3)).isEqualTo("ビルド");
    }

    private static double cos(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
