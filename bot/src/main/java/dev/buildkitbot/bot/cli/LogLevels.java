package dev.buildkitbot.bot.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How much a command logs. {@code run} keeps its structured INFO lines (an operator reads them);
 * the interactive and one-off commands print only their output and real warnings, unless
 * BUILDKIT_BOT_LOG_LEVEL says otherwise. A level that is not one is refused like any bad setting.
 */
final class LogLevels {
    static final String ENV = "BUILDKIT_BOT_LOG_LEVEL";
    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");
    private static final Set<String> SERVICES = Set.of("run");

    private LogLevels() {
    }

    /** The problem with the environment's level, if any. */
    static Optional<String> problem(Map<String, String> env) {
        String level = env.get(ENV);
        if (level == null || level.isBlank() || LEVELS.contains(level.strip().toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(ENV + "=" + level + " is not a log level (one of TRACE, DEBUG, INFO, WARN, ERROR, OFF)");
    }

    static void apply(Map<String, String> env, String command) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        String level = env.get(ENV);
        if (level != null && !level.isBlank()) {
            root.setLevel(Level.toLevel(level.strip(), Level.INFO));
        } else if (!SERVICES.contains(command)) {
            root.setLevel(Level.WARN);
        }
    }
}
