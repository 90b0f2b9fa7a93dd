package dev.buildkitbot.bot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;

/**
 * Each Slack message is handled once: Slack retries events it thinks failed, and delivers a mention
 * in a channel as both {@code app_mention} and {@code message}. Keys are channel + ts.
 */
public final class EventDedupe {
    private final Cache<String, Boolean> seen = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1)).maximumSize(200_000).build();

    /** True the first time a key is seen. */
    public boolean firstTime(String key) {
        return seen.asMap().putIfAbsent(key, Boolean.TRUE) == null;
    }
}
