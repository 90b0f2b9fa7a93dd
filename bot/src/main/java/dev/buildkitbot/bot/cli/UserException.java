package dev.buildkitbot.bot.cli;

/** A mistake in how a command was called or configured; its message is shown as is. */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }
}
