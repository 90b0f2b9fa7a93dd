package dev.buildkitbot.bot.cli;

import dev.buildkitbot.bot.answer.AnswerComposer;
import dev.buildkitbot.bot.console.ConsoleConversation;
import dev.buildkitbot.bot.report.Reports;
import dev.buildkitbot.knowledge.Knowledge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;

@Command(name = "console", mixinStandardHelpOptions = true,
        description = "The bot's conversations in a terminal (also reads piped stdin): questions and /buildkit-report.")
final class ConsoleCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Option(names = "--user", defaultValue = "${sys:user.name}", description = "whose report session to use (default: your login)")
    String user;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Knowledge knowledge = data.open()) {
            Reports reports = Reports.create(knowledge, Clock.systemUTC());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            new ConsoleConversation(reports, new AnswerComposer(knowledge), "console-" + user,
                    data.dir().resolve("reports").resolve(user.replaceAll("[^A-Za-z0-9_.-]", "_")), in, spec.commandLine().getOut()).run();
        }
        return 0;
    }
}
