package dev.buildkitbot.knowledge.similar;

import java.util.List;

/**
 * An existing issue that looks like the described problem.
 *
 * @param score      ranking score (BM25), comparable within one list only
 * @param confidence how sure the match is, in [0,1]: callers stay silent below their threshold
 * @param why        what the two share: the common error line, or the key words
 */
public record IssueMatch(String repo, int number, String title, String state, String url, double score,
                         double confidence, String why, List<String> labels, boolean pullRequest) {
    public IssueMatch {
        labels = List.copyOf(labels);
    }

    /** {@code moby/buildkit#1234}: numbers are per repository. */
    public String reference() {
        return repo + "#" + number;
    }
}
