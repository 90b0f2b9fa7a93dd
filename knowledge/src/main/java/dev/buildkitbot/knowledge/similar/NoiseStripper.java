package dev.buildkitbot.knowledge.similar;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes what differs between two reports of the same bug and says nothing about it: timestamps,
 * digests and hashes, BuildKit progress prefixes ({@code #12 0.345}), temp paths, template comments
 * and checklists shared by every issue.
 */
public final class NoiseStripper {
    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("(?s)<!--.*?-->"), " "),
            new Rule(Pattern.compile("(?m)^\\s*[-*] \\[[ xX]\\].*$"), " "),
            new Rule(Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?"), " "),
            new Rule(Pattern.compile("\\btime=\"[^\"]*\""), " "),
            new Rule(Pattern.compile("\\b\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?\\b"), " "),
            new Rule(Pattern.compile("\\bsha(?:256|512|1)?:[0-9a-fA-F]{7,}"), " "),
            new Rule(Pattern.compile("\\b[0-9a-f]{12,}\\b"), " "),
            new Rule(Pattern.compile("\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b"), " "),
            new Rule(Pattern.compile("(?m)^#\\d+ (?:\\d+\\.\\d+ )?"), ""),
            new Rule(Pattern.compile("\\b\\d+\\.\\d+s\\b"), " "),
            new Rule(Pattern.compile("(?:/tmp|/var/tmp|/var/folders)/\\S*"), " "),
            new Rule(Pattern.compile("\\b0x[0-9a-fA-F]+\\b"), " "),
            new Rule(Pattern.compile("[ \\t]{2,}|\\t"), " "));

    private NoiseStripper() {
    }

    public static String strip(String text) {
        String out = text == null ? "" : text;
        for (Rule rule : RULES) {
            out = rule.pattern().matcher(out).replaceAll(rule.replacement());
        }
        return out.strip();
    }
}
