package dev.buildkitbot.knowledge.embed;

import dev.buildkitbot.knowledge.issues.IssueDocuments;
import dev.buildkitbot.knowledge.issues.IssueRecord;
import dev.buildkitbot.knowledge.issues.ShippedIssues;
import dev.buildkitbot.knowledge.source.KnowledgeFiles;
import dev.buildkitbot.knowledge.source.Section;
import dev.buildkitbot.knowledge.source.ShippedKnowledge;
import dev.buildkitbot.knowledge.source.SyncedDocs;

import dev.buildkitbot.knowledge.ask.OffTopicBackground;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Run by the build (exec-maven-plugin, after the resources are in place): embeds every shipped
 * guide/docs passage and shipped issue once, into {@link ShippedVectors#RESOURCE}. Skips the work
 * when the file already matches the inputs and the model.
 */
public final class ShippedVectorsBuilder {
    private ShippedVectorsBuilder() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ShippedVectorsBuilder <classes dir>");
            System.exit(2);
        }
        Path out = Path.of(args[0]).resolve(ShippedVectors.RESOURCE.substring(1));
        Set<String> texts = new LinkedHashSet<>(texts());
        String inputs = TextKey.of(OnnxEmbedder.DEFAULT.id() + "\n" + String.join("\n", texts));
        if (Files.exists(out)) {
            try (InputStream in = Files.newInputStream(out)) {
                VectorFile existing = VectorFile.read(in);
                if (existing.inputsHash().equals(inputs) && existing.modelId().equals(OnnxEmbedder.DEFAULT.id())) {
                    System.out.println("shipped vectors are up to date (" + existing.vectors().size() + ")");
                    return;
                }
            } catch (IOException e) {
                // rebuilt below
            }
        }
        long start = System.nanoTime();
        Embedder model = OnnxEmbedder.load(OnnxEmbedder.DEFAULT, Path.of(args[0]).getParent().resolve("djl-cache"));
        List<String> list = new ArrayList<>(texts);
        List<float[]> vectors = model.embed(list);
        Map<String, float[]> byKey = new java.util.HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            byKey.put(TextKey.of(list.get(i)), vectors.get(i));
        }
        new VectorFile(model.id(), inputs, model.dimension(), byKey).write(out);
        System.out.printf("embedded %d shipped passages and issues in %d ms -> %s%n", list.size(),
                (System.nanoTime() - start) / 1_000_000, out);
    }

    static List<String> texts() {
        List<String> texts = new ArrayList<>();
        KnowledgeFiles files = KnowledgeFiles.of(ShippedKnowledge.load(), SyncedDocs.none());
        for (Section s : files.sections()) {
            texts.addAll(EmbeddingTexts.sectionPassages(s, files.hints()));
        }
        texts.addAll(OffTopicBackground.load());
        for (IssueRecord issue : ShippedIssues.load().issues()) {
            texts.add(IssueDocuments.embeddingText(issue));
        }
        return texts;
    }
}
