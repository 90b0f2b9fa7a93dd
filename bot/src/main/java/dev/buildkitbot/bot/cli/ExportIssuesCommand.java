package dev.buildkitbot.bot.cli;

import dev.buildkitbot.knowledge.Knowledge;
import dev.buildkitbot.knowledge.issues.IssueRecord;
import dev.buildkitbot.knowledge.issues.ShippedIssues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "export-issues", mixinStandardHelpOptions = true,
        description = "Write the data dir's issues as a snapshot to ship in the jar (before a release, after a sync): "
                + "knowledge/src/main/resources/dev/buildkitbot/knowledge/shipped/issues.jsonl.gz")
final class ExportIssuesCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the .jsonl.gz file to write")
    Path out;

    @Option(names = "--source", defaultValue = "GitHub REST API issues and pull requests of moby/buildkit and docker/buildx",
            description = "where the issues come from, recorded in the file (default: ${DEFAULT-VALUE})")
    String source;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try (Knowledge knowledge = data.open()) {
            List<IssueRecord> issues = knowledge.snapshot().all();
            if (issues.isEmpty()) {
                throw new UserException("the data dir has no issues to export (import or sync first)");
            }
            ShippedIssues.write(out, source, issues);
            spec.commandLine().getOut().printf("wrote %d issues (%s) to %s%n", issues.size(), knowledge.snapshot().freshness(), out);
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
