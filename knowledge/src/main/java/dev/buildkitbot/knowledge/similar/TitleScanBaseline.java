package dev.buildkitbot.knowledge.similar;

import dev.buildkitbot.knowledge.index.BuildkitAnalyzers;
import dev.buildkitbot.knowledge.index.Fields;
import dev.buildkitbot.knowledge.issues.IssueRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What simple duplicate bots do: compare the new title with every existing title (cosine of their
 * word sets) and rank by that. Kept as the baseline the real {@link DuplicateFinder} must beat, in
 * quality and in speed.
 */
public final class TitleScanBaseline {
    private record Entry(IssueRecord issue, Set<String> words) {
    }

    public record Ranked(IssueRecord issue, double similarity) {
    }

    private final BuildkitAnalyzers analyzers;
    private final List<Entry> entries;

    public TitleScanBaseline(BuildkitAnalyzers analyzers, List<IssueRecord> issues) {
        this.analyzers = analyzers;
        this.entries = issues.stream().filter(i -> !i.pullRequest())
                .map(i -> new Entry(i, analyzers.terms(Fields.ISSUE_TITLE, i.title()))).toList();
    }

    public List<Ranked> rank(String title, Set<String> excludeKeys, int limit) {
        Set<String> query = analyzers.terms(Fields.ISSUE_TITLE, title);
        List<Ranked> ranked = new ArrayList<>();
        for (Entry e : entries) {
            if (excludeKeys.contains(e.issue.key()) || e.words.isEmpty() || query.isEmpty()) {
                continue;
            }
            long common = e.words.stream().filter(query::contains).count();
            if (common > 0) {
                ranked.add(new Ranked(e.issue, common / Math.sqrt((double) e.words.size() * query.size())));
            }
        }
        ranked.sort(Comparator.comparingDouble(Ranked::similarity).reversed());
        return ranked.subList(0, Math.min(limit, ranked.size()));
    }
}
