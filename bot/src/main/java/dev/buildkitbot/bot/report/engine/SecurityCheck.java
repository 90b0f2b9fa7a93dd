package dev.buildkitbot.bot.report.engine;

import dev.buildkitbot.bot.report.capture.SecurityWords;

import java.util.Optional;

/**
 * Whether what a reporter wrote reads like a security vulnerability, and why, in words shown to
 * them ("you wrote “privilege escalation”"). Such a report must not become a public issue, whatever
 * kind was picked.
 */
@FunctionalInterface
public interface SecurityCheck {
    Optional<String> concern(String text);

    /** By the words written alone (no model). */
    static SecurityCheck words() {
        return text -> SecurityWords.in(text).map(phrase -> "you wrote \u201c" + phrase + "\u201d");
    }

    /** This check, or else {@code other}. */
    default SecurityCheck or(SecurityCheck other) {
        return text -> concern(text).or(() -> other.concern(text));
    }
}
