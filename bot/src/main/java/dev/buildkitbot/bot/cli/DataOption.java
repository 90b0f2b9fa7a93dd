package dev.buildkitbot.bot.cli;

import dev.buildkitbot.bot.settings.Settings;
import dev.buildkitbot.bot.settings.SettingsException;
import dev.buildkitbot.knowledge.Knowledge;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --data DIR}, shared by every command. */
public final class DataOption {
    @Option(names = "--data", paramLabel = "DIR",
            defaultValue = "${env:BUILDKIT_BOT_DATA:-data}",
            description = "Data directory (index, issues, sessions). Default: $BUILDKIT_BOT_DATA or ./data")
    Path dir;

    public Path dir() {
        return dir;
    }

    /** Opens the data dir, with the embedding model unless BUILDKIT_BOT_VECTORS=off. */
    public Knowledge open() {
        try {
            Knowledge.Options options = Knowledge.Options.defaults();
            return Knowledge.open(dir, Settings.vectors(System.getenv()) ? options : options.lexicalOnly());
        } catch (SettingsException e) {
            throw new UserException(e.getMessage());
        }
    }
}
