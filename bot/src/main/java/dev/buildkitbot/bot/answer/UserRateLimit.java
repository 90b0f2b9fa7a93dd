package dev.buildkitbot.bot.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code max} answers per user per window: one person pasting 100 mentions cannot make the
 * bot flood a channel or starve everyone else's questions.
 */
public final class UserRateLimit {
    private final int max;
    private final long windowNanos;
    private final Ticker ticker;
    private final Cache<String, Deque<Long>> recent;

    public UserRateLimit(int max, Duration window, Ticker ticker) {
        this.max = max;
        this.windowNanos = window.toNanos();
        this.ticker = ticker;
        this.recent = Caffeine.newBuilder().expireAfterAccess(window.multipliedBy(2)).maximumSize(100_000).ticker(ticker).build();
    }

    /** True when the user may get one more answer now (and counts it). */
    public boolean tryAcquire(String user) {
        long now = ticker.read();
        Deque<Long> times = recent.get(user, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
                times.pollFirst();
            }
            if (times.size() >= max) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
