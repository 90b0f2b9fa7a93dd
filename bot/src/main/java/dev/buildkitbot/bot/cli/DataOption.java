package dev.buildkitbot.bot.cli;

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
}
