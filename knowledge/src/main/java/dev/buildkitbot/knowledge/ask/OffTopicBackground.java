package dev.buildkitbot.knowledge.ask;

import dev.buildkitbot.knowledge.embed.Embedder;
import dev.buildkitbot.knowledge.embed.TextKey;
import org.apache.lucene.util.VectorUtil;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Questions a chat channel gets that the guide and docs do not answer (git, clusters, CI services,
 * programming, small talk), as vectors. A question closer in meaning to one of these than to every
 * guide and docs passage is off-topic even when it shares words with a section ("how do I merge two
 * branches in git" and the guide's {@code git bisect}): meaning alone cannot tell "close to the
 * domain" from "in it", a background of what is near but outside can.
 */
public final class OffTopicBackground {
    public static final String RESOURCE = "/dev/buildkitbot/knowledge/offtopic-questions.txt";

    private final List<String> questions;
    private final Function<String, float[]> shipped;
    private volatile Vectors vectors;

    /**
     * @param shipped vectors computed at build time, by {@link TextKey} of the text (null when absent);
     *                the others are computed on first use
     */
    public OffTopicBackground(List<String> questions, Function<String, float[]> shipped) {
        this.questions = List.copyOf(questions);
        this.shipped = shipped;
    }

    public static OffTopicBackground none() {
        return new OffTopicBackground(List.of(), key -> null);
    }

    public List<String> questions() {
        return questions;
    }

    /** The highest cosine of {@code query} with a background question; -1 without any. */
    public double closeness(Embedder model, float[] query) {
        double best = -1;
        for (float[] v : vectorsFor(model)) {
            best = Math.max(best, VectorUtil.cosine(query, v));
        }
        return best;
    }

    private List<float[]> vectorsFor(Embedder model) {
        Vectors current = vectors;
        if (current == null || !current.modelId().equals(model.id())) {
            current = new Vectors(model.id(), embed(model));
            vectors = current;
        }
        return current.list();
    }

    private List<float[]> embed(Embedder model) {
        List<float[]> out = new ArrayList<>(questions.size());
        List<String> missing = new ArrayList<>();
        for (String q : questions) {
            float[] v = shipped.apply(TextKey.of(q));
            if (v != null && v.length == model.dimension()) {
                out.add(v);
            } else {
                missing.add(q);
            }
        }
        if (!missing.isEmpty()) {
            out.addAll(model.embed(missing));
        }
        return List.copyOf(out);
    }

    /** The shipped questions: one per line, {@code #} comments and blank lines skipped. */
    public static List<String> load() {
        try (InputStream in = OffTopicBackground.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("resource not found: " + RESOURCE);
            }
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(s);
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Vectors(String modelId, List<float[]> list) {
    }
}
