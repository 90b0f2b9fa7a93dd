package dev.buildkitbot.knowledge.eval;

import dev.buildkitbot.knowledge.issues.IssueRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A large corpus for scale benchmarks, made from real issues: each copy gets a new number, and its
 * title and body are varied (words swapped for other real issues' words, numbers changed) so the
 * index sees realistic but distinct text.
 */
public final class SyntheticIssues {
    private SyntheticIssues() {
    }

    public static List<IssueRecord> generate(List<IssueRecord> seeds, int count, long seed) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("need at least one real issue to vary");
        }
        Random random = new Random(seed);
        List<String> vocabulary = new ArrayList<>();
        for (IssueRecord issue : seeds) {
            for (String w : issue.title().split("\\s+")) {
                if (w.length() > 3) {
                    vocabulary.add(w);
                }
            }
        }
        List<IssueRecord> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            IssueRecord base = seeds.get(random.nextInt(seeds.size()));
            int number = 100_000 + i;
            out.add(new IssueRecord("synthetic/" + base.repo().replace('/', '-'), number, vary(base.title(), vocabulary, random),
                    vary(base.body().length() > 4000 ? base.body().substring(0, 4000) : base.body(), vocabulary, random),
                    random.nextInt(3) == 0 ? "open" : "closed", null, base.labels(), base.author(), base.createdAt(),
                    base.updatedAt(), base.closedAt(), base.comments(),
                    "https://github.com/synthetic/issues/" + number, base.pullRequest()));
        }
        return out;
    }

    private static String vary(String text, List<String> vocabulary, Random random) {
        String[] words = text.split(" ");
        for (int i = 0; i < words.length; i++) {
            if (random.nextInt(5) == 0 && !vocabulary.isEmpty()) {
                words[i] = vocabulary.get(random.nextInt(vocabulary.size()));
            } else if (words[i].matches("\\d+")) {
                words[i] = Integer.toString(random.nextInt(10_000));
            }
        }
        return String.join(" ", words);
    }
}
