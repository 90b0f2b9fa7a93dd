package dev.buildkitbot.bot.report.engine;

import java.util.Map;

/**
 * What a user gave for one step, already redacted.
 *
 * @param fileName the uploaded file's name, or null for a paste
 * @param note     the validator's message, when it had a reservation (cut-off dump, no stack trace)
 */
public record Capture(String text, String fileName, String note, Map<String, Integer> redactions) {
    public Capture {
        redactions = redactions == null ? Map.of() : Map.copyOf(redactions);
    }
}
