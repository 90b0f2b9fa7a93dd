package dev.buildkitbot.knowledge.ask;

import dev.buildkitbot.knowledge.embed.Embedder;
import dev.buildkitbot.knowledge.embed.TextKey;
import dev.buildkitbot.knowledge.source.DataFile;
import org.apache.lucene.util.VectorUtil;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Questions a chat channel gets that the guide and docs do not answer (git, clusters, CI services,
 * programming, small talk), as vectors. A question about as close in meaning to these (its two
 * nearest) as to the nearest guide or docs passage is off-topic ({@link Asker}), even when it shares
 * words with a section ("how do I merge two branches in git" and the guide's {@code git bisect}):
 * meaning alone cannot tell "close to the domain" from "in it", a background of what is near but
 * outside can.
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

    /**
     * How close {@code query} is to the background: the mean cosine of its two nearest background
     * questions (the one nearest alone when there is one; -1 without any). Two must agree, so one line
     * that happens to share a rare word with an in-domain question ("… on WSL2 with docker desktop?"
     * and "how do I install docker on wsl2") does not turn it away alone.
     */
    public double closeness(Embedder model, float[] query) {
        double first = -1;
        double second = -1;
        for (float[] v : vectorsFor(model)) {
            double c = VectorUtil.cosine(query, v);
            if (c > first) {
                second = first;
                first = c;
            } else if (c > second) {
                second = c;
            }
        }
        return second == -1 ? first : (first + second) / 2;
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
        return DataFile.contentLines(DataFile.text(RESOURCE));
    }

    private record Vectors(String modelId, List<float[]> list) {
    }
}
