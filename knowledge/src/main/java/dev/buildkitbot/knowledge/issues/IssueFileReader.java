package dev.buildkitbot.knowledge.issues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an export of issues: a JSON array (one API page) or one JSON object per line. Bad entries
 * are reported with their line number and skipped; good ones are kept.
 */
public final class IssueFileReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public record Problem(int line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    public record Result(List<IssueRecord> issues, List<Problem> problems) {
    }

    private IssueFileReader() {
    }

    public static Result read(Path file, String repoOverride) throws IOException {
        String text = decode(file);
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("[")) {
            return readArray(text, repoOverride);
        }
        return readLines(text, repoOverride);
    }

    private static String decode(Path file) throws IOException {
        // Malformed UTF-8 is replaced, not fatal: one bad byte must not lose a whole export.
        try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            int n;
            while ((n = reader.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        }
    }

    private static Result readArray(String text, String repoOverride) {
        List<IssueRecord> issues = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        JsonNode array;
        try {
            array = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            problems.add(new Problem(line, "malformed JSON array: " + e.getOriginalMessage()));
            return new Result(issues, problems);
        }
        int i = 0;
        for (JsonNode node : array) {
            i++;
            try {
                issues.add(GitHubIssueParser.parse(node, repoOverride));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(i, "array element " + i + ": " + e.getMessage()));
            }
        }
        return new Result(issues, problems);
    }

    private static Result readLines(String text, String repoOverride) {
        List<IssueRecord> issues = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                issues.add(GitHubIssueParser.parse(MAPPER.readTree(line), repoOverride));
            } catch (JsonProcessingException e) {
                problems.add(new Problem(i + 1, "malformed JSON: " + e.getOriginalMessage()));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(i + 1, e.getMessage()));
            }
        }
        return new Result(issues, problems);
    }
}
