package dev.buildkitbot.bot.slack;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** run syncs soon after start-up when the issues it has are older than the sync interval. */
class BackgroundSyncTest {
    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    static final Duration INTERVAL = Duration.ofMinutes(15);

    @Test
    void staleOrUnknownIssuesAreSyncedAtStartUpFreshOnesAfterOneInterval() {
        // The shipped issues are months old: sync right after start-up.
        assertThat(BackgroundSync.firstDelay(List.of("2026-09-21T00:00:00Z", "2026-12-04T11:59:00Z"), INTERVAL, NOW))
                .isEqualTo(BackgroundSync.STARTUP_DELAY);
        assertThat(BackgroundSync.firstDelay(List.of(), INTERVAL, NOW)).isEqualTo(BackgroundSync.STARTUP_DELAY);
        // Synced five minutes ago: the regular schedule.
        assertThat(BackgroundSync.firstDelay(List.of("2026-12-04T11:55:00Z", "2026-12-04T11:56:00Z"), INTERVAL, NOW)).isEqualTo(INTERVAL);
    }
}
