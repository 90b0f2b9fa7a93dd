package dev.buildkitbot.bot.report.engine;

import java.util.List;

/** Existing issues for a description: the duplicate check before drafting (the knowledge's {@code similar}). */
@FunctionalInterface
public interface IssueLookup {
    record Found(String reference, String title, String state, String url, String why) {
    }

    List<Found> find(String description);
}
