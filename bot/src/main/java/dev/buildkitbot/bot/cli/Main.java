package dev.buildkitbot.bot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point of the jar. */
@Command(name = "buildkit-bot", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Slack app for #buildkit: answers from the BuildKit guide and docs, duplicate hints, guided reports.",
        subcommands = {AskCommand.class, SimilarCommand.class, ImportCommand.class, SyncCommand.class, EvalDuplicatesCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (tests call this). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new UserErrors());
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[]{"buildkit-bot " + (v == null ? "dev" : v)};
        }
    }
}
