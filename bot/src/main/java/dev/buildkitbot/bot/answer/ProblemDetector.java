package dev.buildkitbot.bot.answer;

import dev.buildkitbot.knowledge.similar.ErrorSignatures;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells a problem report ("my build hangs", a pasted error) from chat ("thanks!", "anyone around?").
 * Only problem reports get duplicate suggestions, and only they can trigger a passive hint.
 */
public final class ProblemDetector {
    private static final Pattern PROBLEM = Pattern.compile(
            "\\b(error|errors|fail(s|ed|ing|ure)?|panic(s|ked)?|crash(es|ed|ing)?|hang(s|ing)?|hung|stuck|freez(e|es|ing)|frozen"
                    + "|deadlock(ed)?|timeout|timed out|exit code|segfault|segmentation|broken|broke|bug|regression|regressed"
                    + "|doesn'?t work|does not work|not working|stopped working|won'?t|cannot|can'?t|unable|invalid|denied"
                    + "|unexpected|wrong|slow(er)?|leak(s|ing)?|oom|killed|eof|refused|not found)\\b");

    private ProblemDetector() {
    }

    public static boolean looksLikeProblem(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return PROBLEM.matcher(lower).find() || !ErrorSignatures.extract(text.length() > 20_000 ? text.substring(0, 20_000) : text).isEmpty();
    }
}
