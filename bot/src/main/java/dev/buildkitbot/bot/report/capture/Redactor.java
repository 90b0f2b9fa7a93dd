package dev.buildkitbot.bot.report.capture;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from captured text before it is stored or shown anywhere: GitHub, Slack, AWS and
 * GCP credentials, Authorization headers, Docker config auths, passwords in URLs, private key
 * blocks, and key=value secrets echoed in logs. Says what it removed (kinds and counts), never the values.
 */
public final class Redactor {
    public static final String MARK = "[REDACTED]";

    /** The redacted text and how many secrets of each kind were removed. */
    public record Result(String text, Map<String, Integer> counts) {
        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        public String summary() {
            if (counts.isEmpty()) {
                return "";
            }
            StringBuilder sb = new StringBuilder();
            counts.forEach((kind, n) -> sb.append(sb.isEmpty() ? "" : ", ").append(n).append(' ').append(kind));
            return sb.toString();
        }
    }

    private record Rule(String kind, Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("private key", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(?:-----END [A-Z ]*PRIVATE KEY-----|\\z)", Pattern.DOTALL), MARK),
            new Rule("GitHub token", Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{20,})\\b"), MARK),
            new Rule("Slack token", Pattern.compile("\\bx(?:ox[abposr]|app)-[A-Za-z0-9-]{10,}"), MARK),
            new Rule("AWS key", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), MARK),
            new Rule("AWS key", Pattern.compile("(?i)(aws_secret_access_key|aws_session_token)(\\s*[=:]\\s*)[\"']?[A-Za-z0-9/+=]{20,}[\"']?"), "$1$2" + MARK),
            new Rule("GCP key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35,}"), MARK),
            new Rule("GCP key", Pattern.compile("\\bya29\\.[0-9A-Za-z_-]{20,}"), MARK),
            new Rule("Authorization header", Pattern.compile("(?i)(authorization\\s*[:=]\\s*)((?:bearer|basic|token)\\s+)?[^\\s\"',]+"), "$1$2" + MARK),
            new Rule("Docker config auth", Pattern.compile("(?i)(\"(?:auth|identitytoken|registrytoken|password)\"\\s*:\\s*\")[^\"]+(\")"), "$1" + MARK + "$2"),
            new Rule("password in URL", Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s:@]+:[^/\\s@]+@"), "$1" + MARK + "@"),
            new Rule("secret value", Pattern.compile("(?i)\\b((?:[A-Z0-9_]*_)?(?:password|passwd|secret|token|api[_-]?key|access[_-]?key)[A-Z0-9_]*)(\\s*[=:]\\s*)(?!\\[REDACTED])[\"']?[^\\s\"',;]{6,}[\"']?"), "$1$2" + MARK));

    private Redactor() {
    }

    public static Result redact(String text) {
        String out = text == null ? "" : text;
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(out);
            StringBuilder sb = new StringBuilder();
            int n = 0;
            while (m.find()) {
                n++;
                m.appendReplacement(sb, rule.replacement());
            }
            if (n > 0) {
                m.appendTail(sb);
                out = sb.toString();
                counts.merge(rule.kind(), n, Integer::sum);
            }
        }
        return new Result(out, Map.copyOf(counts));
    }
}
