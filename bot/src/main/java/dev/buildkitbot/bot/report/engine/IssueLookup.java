package dev.buildkitbot.bot.report.engine;

import java.util.List;

/** Existing issues for a description: the duplicate check before drafting (the knowledge's {@code similar}). */
@FunctionalInterface
public interface IssueLookup {
    record Found(String reference, String title, String state, String url, String why) {
    }

    List<Found> find(String description);

    /** How fresh the issues searched are ("moby/buildkit as of 2026-09-21"), or "" when unknown. */
    default String freshness() {
        return "";
    }
}
