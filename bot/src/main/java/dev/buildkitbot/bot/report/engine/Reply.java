package dev.buildkitbot.bot.report.engine;

import java.util.List;

/** What the engine says; adapters render it (Block Kit in Slack, text in the console). */
public sealed interface Reply {
    record Text(String text) implements Reply {
    }

    /** Commands to run, shown verbatim in a code block. */
    record Code(String text) implements Reply {
    }

    record Option(String id, String label) {
    }

    record Choices(String prompt, List<Option> options) implements Reply {
        public Choices {
            options = List.copyOf(options);
        }
    }

    record Link(String label, String url) implements Reply {
    }

    /** A file the user gets back (a long capture to attach to the issue). */
    record File(String name, String content) implements Reply {
    }
}
