package dev.buildkitbot.bot.cli;

import picocli.CommandLine;

import java.util.Map;

/** Creates the commands, giving the ones that read settings the environment they are run with. */
final class EnvironmentFactory implements CommandLine.IFactory {
    private final Map<String, String> env;
    private final CommandLine.IFactory defaults = CommandLine.defaultFactory();

    EnvironmentFactory(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == RunCommand.class) {
            return type.cast(new RunCommand(env));
        }
        return defaults.create(type);
    }
}
