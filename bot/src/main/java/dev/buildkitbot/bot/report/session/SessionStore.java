package dev.buildkitbot.bot.report.session;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.buildkitbot.bot.report.engine.Session;
import dev.buildkitbot.knowledge.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One walkthrough per user, in {@code data/sessions/<owner>.json}, written atomically (temp file,
 * fsync, rename) on every step so a restart — even kill -9 — loses nothing, with Caffeine in front.
 * Abandoned sessions expire; a corrupt file is moved aside, not fatal.
 */
public final class SessionStore {
    private static final Logger log = LoggerFactory.getLogger(SessionStore.class);
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path dir;
    private final Duration ttl;
    private final Clock clock;
    private final Cache<String, Session> cache = Caffeine.newBuilder().maximumSize(10_000).build();

    public SessionStore(Path dir, Duration ttl, Clock clock) {
        this.dir = dir;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The user's session, if one exists and has not expired. */
    public synchronized Optional<Session> find(String owner) {
        Session cached = cache.getIfPresent(owner);
        Session session = cached != null ? cached : read(owner);
        if (session == null) {
            return Optional.empty();
        }
        if (expired(session)) {
            delete(owner);
            return Optional.empty();
        }
        cache.put(owner, session);
        return Optional.of(session);
    }

    public synchronized void save(Session session) {
        Path file = fileOf(session.owner());
        try {
            AtomicFiles.write(file, MAPPER.writeValueAsBytes(session));
            cache.put(session.owner(), session);
        } catch (IOException e) {
            // The previous state stays on disk and in memory; the caller tells the user to try again.
            throw new UncheckedIOException("cannot save the session of " + session.owner() + ": " + e.getMessage(), e);
        }
    }

    public synchronized void delete(String owner) {
        cache.invalidate(owner);
        try {
            Files.deleteIfExists(fileOf(owner));
        } catch (IOException e) {
            log.warn("cannot delete session file of {}: {}", owner, e.getMessage());
        }
    }

    /** Removes expired and finished-long-ago sessions; returns how many. */
    public synchronized int purgeExpired() {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                Session s = parse(file);
                if (s != null && expired(s)) {
                    delete(s.owner());
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("cannot list sessions in {}: {}", dir, e.getMessage());
        }
        return removed;
    }

    private boolean expired(Session s) {
        return s.updated() != null && s.updated().plus(ttl).isBefore(clock.instant());
    }

    private Session read(String owner) {
        Path file = fileOf(owner);
        return Files.exists(file) ? parse(file) : null;
    }

    private Session parse(Path file) {
        try {
            return MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), Session.class);
        } catch (IOException | RuntimeException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + clock.millis());
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                log.warn("cannot move corrupt session {} aside: {}", file, moveFailed.getMessage());
            }
            log.warn("session file {} was unreadable ({}); moved it to {} and starting fresh", file, e.getClass().getSimpleName(), aside.getFileName());
            return null;
        }
    }

    private Path fileOf(String owner) {
        // Owner ids come from Slack or the console: keep file names safe whatever they contain.
        String safe = owner.replaceAll("[^A-Za-z0-9_.-]", "_");
        if (!safe.equals(owner)) {
            safe = safe + "-" + HexFormat.of().formatHex(owner.getBytes(StandardCharsets.UTF_8)).substring(0, Math.min(16, owner.length() * 2));
        }
        return dir.resolve(safe + ".json");
    }
}
