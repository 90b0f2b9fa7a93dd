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

    private static double cos(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
