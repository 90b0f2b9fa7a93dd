package dev.buildkitbot.bot.report.facts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one regex helper the output parsers share. */
final class Patterns {
    private Patterns() {
    }

    /** The first group of the first match, stripped; null when nothing matches. */
    static String first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1).strip() : null;
    }
}
