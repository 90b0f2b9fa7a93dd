package dev.buildkitbot.bot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Records "Not helpful" clicks (data/feedback.jsonl): the record that later tunes the hint threshold. */
public final class FeedbackLog {
    private static final Logger log = LoggerFactory.getLogger(FeedbackLog.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path file;

    public FeedbackLog(Path dataDir) {
        this.file = dataDir.resolve("feedback.jsonl");
    }

    public synchronized void notHelpful(String user, String channel, String issue) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", Instant.now().toString());
        line.put("kind", "hint_not_helpful");
        line.put("user", user);
        line.put("channel", channel);
        line.put("issue", issue);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, MAPPER.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            log.warn("cannot record feedback in {}: {}", file, e.getMessage());
        }
    }

    public Path file() {
        return file;
    }
}
