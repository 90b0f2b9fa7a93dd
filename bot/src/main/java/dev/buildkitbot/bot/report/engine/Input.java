package dev.buildkitbot.bot.report.engine;

/** What a user does in a walkthrough, whatever the chat it happens in. */
public sealed interface Input {
    /** A message: an answer, or a pasted capture. */
    record Text(String text) implements Input {
    }

    /** A button (or a typed option id / number in the console). */
    record Choice(String id) implements Input {
    }

    /** An uploaded file, as downloaded by the adapter. */
    record Upload(String name, byte[] content) implements Input {
    }
}
