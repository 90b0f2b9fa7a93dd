package dev.buildkitbot.knowledge.issues;

import java.time.Instant;
import java.util.List;

/**
 * A GitHub issue or pull request as the bot keeps it. Numbers are per repository, so the key is
 * {@code owner/name#number}.
 */
public record IssueRecord(String repo, int number, String title, String body, String state, String stateReason,
                          List<String> labels, String author, Instant createdAt, Instant updatedAt,
                          Instant closedAt, int comments, String htmlUrl, boolean pullRequest) {
    public IssueRecord {
        labels = labels == null ? List.of() : List.copyOf(labels);
        title = title == null ? "" : title;
        body = body == null ? "" : body;
    }

    public String key() {
        return repo + "#" + number;
    }
}
