package dev.buildkitbot.bot.cli;

import dev.buildkitbot.knowledge.Knowledge;
import dev.buildkitbot.knowledge.issues.IssueFileReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import GitHub issues (REST API objects: a JSON array or one object per line).")
final class ImportCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "issue export file(s)")
    java.util.List<Path> files;

    @Option(names = "--repo", paramLabel = "OWNER/NAME", description = "repository the issues belong to (default: read from each issue)")
    String repo;

    @Option(names = "--no-embed", description = "only make the issues searchable by words now; "
            + "their vectors are computed by the next import, sync or run")
    boolean noEmbed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (repo != null && !repo.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
            throw new UserException("--repo must look like owner/name, got: " + repo);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int problems = 0;
        try (Knowledge knowledge = data.open()) {
            for (Path file : files) {
                if (!Files.isReadable(file) || Files.isDirectory(file)) {
                    throw new UserException("cannot read " + file);
                }
                long start = System.nanoTime();
                IssueFileReader.Result result = IssueFileReader.read(file, repo);
                result.problems().forEach(p -> err.println(file + ": " + p + " (skipped)"));
                knowledge.upsertIssues(result.issues());
                long prs = result.issues().stream().filter(i -> i.pullRequest()).count();
                out.printf("%s: imported %d (%d issues, %d pull requests), skipped %d, in %d ms%n", file,
                        result.issues().size(), result.issues().size() - prs, prs, result.problems().size(),
                        (System.nanoTime() - start) / 1_000_000);
                problems += result.problems().size();
            }
            if (!noEmbed) {
                EmbedProgress.embedMissing(knowledge, out);
            }
        }
        out.flush();
        return problems == 0 ? 0 : 3;
    }
}
