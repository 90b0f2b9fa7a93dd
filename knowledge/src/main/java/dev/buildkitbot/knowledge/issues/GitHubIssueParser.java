package dev.buildkitbot.knowledge.issues;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one issue object in the shape of GitHub's REST API ({@code GET /repos/{o}/{r}/issues}).
 * The repository comes from {@code repository_url} (or {@code html_url}) unless one is given.
 */
public final class GitHubIssueParser {
    private static final Pattern REPO_API = Pattern.compile("/repos/([^/]+/[^/]+)$");
    private static final Pattern REPO_HTML = Pattern.compile("github\\.com/([^/]+/[^/]+)/(?:issues|pull)/\\d+");

    private GitHubIssueParser() {
    }

    /**
     * @param repoOverride the repository to file it under, or null to read it from the object
     * @throws IllegalArgumentException with a readable reason when the object is not an issue
     */
    public static IssueRecord parse(JsonNode node, String repoOverride) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode number = node.get("number");
        if (number == null || !number.canConvertToInt() || number.asInt() <= 0) {
            throw new IllegalArgumentException("no issue \"number\"");
        }
        String repo = repoOverride != null ? repoOverride : repoOf(node);
        if (repo == null) {
            throw new IllegalArgumentException("cannot tell the repository of issue " + number.asInt()
                    + " (no repository_url or html_url); pass --repo owner/name");
        }
        List<String> labels = new ArrayList<>();
        for (JsonNode label : node.path("labels")) {
            labels.add(label.isTextual() ? label.asText() : label.path("name").asText());
        }
        String state = node.path("state").asText("open");
        return new IssueRecord(repo, number.asInt(), node.path("title").asText(""), text(node.get("body")),
                "closed".equals(state) ? "closed" : "open", text(node.get("state_reason")), labels,
                node.path("user").path("login").asText(""), instant(node.get("created_at")),
                instant(node.get("updated_at")), instant(node.get("closed_at")), node.path("comments").asInt(0),
                node.path("html_url").asText("https://github.com/" + repo + "/issues/" + number.asInt()),
                node.hasNonNull("pull_request"));
    }

    private static String repoOf(JsonNode node) {
        Matcher api = REPO_API.matcher(node.path("repository_url").asText(""));
        if (api.find()) {
            return api.group(1);
        }
        Matcher html = REPO_HTML.matcher(node.path("html_url").asText(""));
        return html.find() ? html.group(1) : null;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText();
    }

    private static Instant instant(JsonNode node) {
        if (node == null || node.isNull() || node.asText().isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
