package dev.buildkitbot.bot.report.session;

import dev.buildkitbot.bot.report.engine.Capture;
import dev.buildkitbot.bot.report.facts.SetupFacts;
import dev.buildkitbot.bot.report.engine.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SessionStoreTest {
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @TempDir
    Path dir;

    static Session session(String owner, Instant updated) {
        return new Session(owner, Session.Phase.STEP, "hang", "docker", List.of("summary", "versions"), 1,
                Map.of("summary", new Capture("build hangs", null, null, Map.of("GitHub token", 1))), List.of(), null, null,
                null, null, updated, updated, SetupFacts.NONE.withBuilder("repro"), null, List.of(), List.of(), null);
    }

    @Test
    void aNewStoreOnTheSameDirectorySeesEverySavedStep() {
        new SessionStore(dir, Duration.ofDays(7), Clock.fixed(NOW, ZoneOffset.UTC)).save(session("slack-U1", NOW));

        Session back = new SessionStore(dir, Duration.ofDays(7), Clock.fixed(NOW, ZoneOffset.UTC)).find("slack-U1").orElseThrow();

        assertThat(back).isEqualTo(session("slack-U1", NOW));
        assertThat(back.captures().get("summary").redactions()).containsEntry("GitHub token", 1);
    }

    @Test
    void expiredSessionsAreGoneAndPurged() {
        SessionStore store = new SessionStore(dir, Duration.ofDays(7), Clock.fixed(NOW, ZoneOffset.UTC));
        store.save(session("old", NOW.minus(Duration.ofDays(8))));
        store.save(session("fresh", NOW.minus(Duration.ofDays(1))));

        SessionStore later = new SessionStore(dir, Duration.ofDays(7), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(later.purgeExpired()).isEqualTo(1);
        assertThat(later.find("old")).isEmpty();
        assertThat(later.find("fresh")).isPresent();
    }

    @Test
    void aCorruptFileIsQuarantinedNotFatal() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("slack-U9.json"), "{\"owner\": \"slack-U9\", \"phase\": ");

        SessionStore store = new SessionStore(dir, Duration.ofDays(7), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(store.find("slack-U9")).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("slack-U9.json.corrupt-"));
        }
        store.save(session("slack-U9", NOW));
        assertThat(store.find("slack-U9")).isPresent();
    }

    @Test
    void ownerIdsCannotEscapeTheDirectory() {
        SessionStore store = new SessionStore(dir, Duration.ofDays(7), Clock.fixed(NOW, ZoneOffset.UTC));
        store.save(session("../../etc/passwd", NOW));
        assertThat(dir.getParent().resolve("etc")).doesNotExist();
        assertThat(store.find("../../etc/passwd")).isPresent();
    }
}
