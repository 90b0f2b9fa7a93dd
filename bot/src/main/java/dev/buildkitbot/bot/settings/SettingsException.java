package dev.buildkitbot.bot.settings;

/** A missing or malformed setting; the message names the variable and what it should look like. */
public class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
