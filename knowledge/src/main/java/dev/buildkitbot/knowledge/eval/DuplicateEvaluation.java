package dev.buildkitbot.knowledge.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildkitbot.knowledge.issues.IssueRecord;
import dev.buildkitbot.knowledge.similar.IssueReferences;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Recall@1/5/10 and MRR of a duplicate ranker on known pairs ({@code duplicates-dev.jsonl}): query
 * with the later report's title and body only, the report itself excluded, and see where the
 * original lands. A mined pair ({@code "hide_references": true}) names its original in its own text
 * ("Similar to #1143"); the references are taken out so that the pair measures what words and meaning find.
 */
public final class DuplicateEvaluation {
    /**
     * A known duplicate: either an issue of the data ({@code repo}, {@code dup}) or a report written
     * for the evaluation ({@code title}, {@code body}: a paraphrase no issue contains), and the
     * original it duplicates.
     */
    public record Pair(String repo, int dup, String originalRepo, int original, String title, String body, boolean hideReferences) {
        public Pair(String repo, int dup, String originalRepo, int original) {
            this(repo, dup, originalRepo, original, null, null, false);
        }

        public boolean written() {
            return title != null;
        }

        public String dupKey() {
            return repo + "#" + dup;
        }

        public String originalKey() {
            return originalRepo + "#" + original;
        }
    }

    /** 1-based rank of the original per pair (0 = not in the top 10); pairs whose issues are missing are skipped. */
    public record Result(String name, List<Integer> ranks, int skipped) {
        public double recallAt(int k) {
            return ranks.isEmpty() ? 0 : ranks.stream().filter(r -> r >= 1 && r <= k).count() / (double) ranks.size();
        }

        public double mrr() {
            return ranks.isEmpty() ? 0 : ranks.stream().mapToDouble(r -> r == 0 ? 0 : 1.0 / r).sum() / ranks.size();
        }

        public String row() {
            return String.format("%-22s pairs=%-3d R@1=%.2f R@5=%.2f R@10=%.2f MRR=%.3f", name, ranks.size(),
                    recallAt(1), recallAt(5), recallAt(10), mrr());
        }
    }

    private DuplicateEvaluation() {
    }

    public static List<Pair> readPairs(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Pair> pairs = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                JsonNode n = mapper.readTree(line);
                if (n.has("title")) {
                    pairs.add(new Pair("", 0, n.path("original_repo").asText(), n.path("original").asInt(),
                            n.path("title").asText(), n.path("body").asText(""), false));
                } else {
                    pairs.add(new Pair(n.path("repo").asText(), n.path("dup").asInt(),
                            n.path("original_repo").asText(n.path("repo").asText()), n.path("original").asInt(),
                            null, null, n.path("hide_references").asBoolean(false)));
                }
            }
        }
        return pairs;
    }

    /**
     * @param ranker given the later report and the key to exclude (null for a written report),
     *               returns ranked issue keys (top 10)
     */
    public static Result run(String name, List<Pair> pairs, Map<String, IssueRecord> issues,
                             BiFunction<IssueRecord, String, List<String>> ranker) {
        List<Integer> ranks = new ArrayList<>();
        int skipped = 0;
        for (Pair pair : pairs) {
            IssueRecord dup = pair.written()
                    ? new IssueRecord("", 0, pair.title(), pair.body(), "open", null, List.of(), null, null, null, null, 0, "", false)
                    : issues.get(pair.dupKey());
            if (dup == null || !issues.containsKey(pair.originalKey())) {
                skipped++;
                continue;
            }
            if (pair.hideReferences()) {
                dup = new IssueRecord(dup.repo(), dup.number(), IssueReferences.strip(dup.title()), IssueReferences.strip(dup.body()),
                        dup.state(), dup.stateReason(), dup.labels(), dup.author(), dup.createdAt(), dup.updatedAt(), dup.closedAt(),
                        dup.comments(), dup.htmlUrl(), dup.pullRequest());
            }
            List<String> ranked = ranker.apply(dup, pair.written() ? null : pair.dupKey());
            int rank = ranked.indexOf(pair.originalKey()) + 1;
            ranks.add(rank);
        }
        return new Result(name, List.copyOf(ranks), skipped);
    }
}
