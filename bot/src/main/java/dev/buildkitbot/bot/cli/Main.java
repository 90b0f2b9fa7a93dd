package dev.buildkitbot.bot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point of the jar. */
@Command(name = "buildkit-bot", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Slack app for #buildkit: answers from the BuildKit guide and docs, duplicate hints, guided reports.",
        subcommands = {RunCommand.class, ConsoleCommand.class, AskCommand.class, SimilarCommand.class, ImportCommand.class, SyncCommand.class, EvalDuplicatesCommand.class, EvalQuestionsCommand.class, BenchCommand.class, ExportIssuesCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs a command line with the given output streams and returns its exit code (tests call this). */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return execute(System.getenv(), out, err, args);
    }

    /** The same with the settings' environment given (tests pass Slack's address this way). */
    public static int execute(java.util.Map<String, String> env, java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        var problem = LogLevels.problem(env);
        if (problem.isPresent()) {
            err.println("error: " + problem.get());
            err.flush();
            return 2;
        }
        LogLevels.apply(env, java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("run"));
        CommandLine cli = new CommandLine(new Main(), new EnvironmentFactory(env));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new UserErrors());
        return cli.execute(args);
    }

    /** With no command, the jar runs the bot (which explains how to connect when Slack is not configured). */
    @Override
    public Integer call() {
        return spec.commandLine().getSubcommands().get("run").execute();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[]{"buildkit-bot " + (v == null ? "dev" : v)};
        }
    }
}
