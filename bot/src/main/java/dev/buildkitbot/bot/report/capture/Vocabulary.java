package dev.buildkitbot.bot.report.capture;

/**
 * How many words of a text the knowledge has seen (in the docs or in real issues). A summary that
 * shares no word with any of them is keyboard mash, not a title a maintainer could search for.
 */
@FunctionalInterface
public interface Vocabulary {
    int knownWords(String text);

    /** No vocabulary to check against: every text passes. */
    static Vocabulary any() {
        return text -> Integer.MAX_VALUE;
    }
}
