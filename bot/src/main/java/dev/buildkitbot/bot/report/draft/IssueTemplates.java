package dev.buildkitbot.bot.report.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.buildkitbot.knowledge.source.KnowledgeFile;
import dev.buildkitbot.knowledge.source.ShippedKnowledge;

import java.io.IOException;
import java.util.Optional;

/**
 * How the repository's issue templates let a link prefill an issue, read from
 * {@code .github/ISSUE_TEMPLATE/config.yml} and {@code bug.yml}.
 *
 * @param blankIssuesEnabled {@code issues/new?title=…&body=…} works
 * @param bugTemplate        the bug form's file name, or null
 * @param bugTextareaId      the id of the bug form's first textarea, or null (then it cannot be prefilled)
 */
public record IssueTemplates(boolean blankIssuesEnabled, String bugTemplate, String bugTextareaId) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public static IssueTemplates from(ShippedKnowledge knowledge, String repo) {
        return from(knowledge::file, repo);
    }

    /** @param files looks up a file by repository and path (the knowledge in force) */
    public static IssueTemplates from(java.util.function.BiFunction<String, String, Optional<KnowledgeFile>> files, String repo) {
        boolean blank = true;
        Optional<KnowledgeFile> config = files.apply(repo, ".github/ISSUE_TEMPLATE/config.yml");
        if (config.isPresent()) {
            JsonNode node = read(config.get().content());
            blank = node.path("blank_issues_enabled").asBoolean(true);
        }
        String template = null;
        String textarea = null;
        Optional<KnowledgeFile> bug = files.apply(repo, ".github/ISSUE_TEMPLATE/bug.yml");
        if (bug.isPresent()) {
            template = "bug.yml";
            for (JsonNode field : read(bug.get().content()).path("body")) {
                if ("textarea".equals(field.path("type").asText()) && field.hasNonNull("id")) {
                    textarea = field.path("id").asText();
                    break;
                }
            }
        }
        return new IssueTemplates(blank, template, textarea);
    }

    private static JsonNode read(String yaml) {
        try {
            JsonNode node = YAML.readTree(yaml);
            return node == null ? YAML.createObjectNode() : node;
        } catch (IOException e) {
            return YAML.createObjectNode();
        }
    }
}
