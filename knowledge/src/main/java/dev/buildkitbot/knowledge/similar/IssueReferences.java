package dev.buildkitbot.knowledge.similar;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The issues a report names: {@code #1143}, {@code docker/buildx#456} or a GitHub issue/pull link.
 * Reporters often point at what they found before filing ("Similar to #1143"); such an issue is a
 * candidate whatever words it shares.
 *
 * <p>BuildKit's plain progress output numbers its steps the same way ({@code #12 [2/3] RUN make},
 * {@code #1 DONE 0.3s}, {@code [10:02:11] #20 exporting layers}): a bare number at the start of a line,
 * or followed by a step's bracket, a duration, a status in capitals or an "-ing" verb, is a build
 * step, not an issue; so is "step #12" or "stage #3" in prose, a one-digit "#1" ("the #1 problem") and
 * {@code &#39;} (an HTML entity).
 */
public final class IssueReferences {
    /** A bare number names an issue of either repository: the report does not say which it is for. */
    public record Reference(String repo, int number) {
        public boolean bare() {
            return repo == null;
        }

        /** Whether this names that issue (a bare number names that number in any repository). */
        public boolean names(String issueRepo, int issueNumber) {
            return number == issueNumber && (bare() || repo.equalsIgnoreCase(issueRepo));
        }
    }

    private static final Pattern REFERENCE = Pattern.compile(
            "https?://github\\.com/([\\w.-]+/[\\w.-]+)/(?:issues|pull)/(\\d{1,7})\\b"
                    + "|\\b([\\w.-]+/[\\w.-]+)#(\\d{1,7})\\b"
                    + "|(?<![\\w&#/])(?<!^[ \\t>]{0,8})(?<!(?i:step|stage) )#(\\d{2,7})\\b(?!\\s+(?:\\[|\\d|[A-Z]{2,}\\b|[a-z]+ing\\b))",
            Pattern.MULTILINE);
    /** A report that lists more than this many issues is a link collection; its first few are the ones it is about. */
    static final int MAX_REFERENCES = 5;

    private IssueReferences() {
    }

    /**
     * The issues named, in the order first named, at most {@link #MAX_REFERENCES}. A bare number that
     * the text also names with its repository ("[#4483](https://github.com/moby/buildkit/issues/4483)")
     * is that issue, not a second one.
     */
    public static List<Reference> in(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Set<Reference> found = new LinkedHashSet<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            Reference ref = m.group(2) != null ? new Reference(m.group(1).toLowerCase(Locale.ROOT), Integer.parseInt(m.group(2)))
                    : m.group(4) != null ? new Reference(m.group(3).toLowerCase(Locale.ROOT), Integer.parseInt(m.group(4)))
                    : new Reference(null, Integer.parseInt(m.group(5)));
            if (ref.number() > 0) {
                found.add(ref);
            }
        }
        Set<Integer> qualified = new HashSet<>();
        found.stream().filter(r -> !r.bare()).forEach(r -> qualified.add(r.number()));
        return found.stream().filter(r -> !r.bare() || !qualified.contains(r.number())).limit(MAX_REFERENCES).toList();
    }

    /** The text with every issue reference removed (for evaluating what the words alone find). */
    public static String strip(String text) {
        return text == null ? "" : REFERENCE.matcher(text).replaceAll(" ");
    }
}
