package dev.buildkitbot.bot.cli;

import dev.buildkitbot.knowledge.Knowledge;
import dev.buildkitbot.knowledge.SearchMode;
import dev.buildkitbot.knowledge.eval.AskEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "eval-questions", mixinStandardHelpOptions = true,
        description = "Top-1/top-3 of `ask` per kind of question, and how often off-topic ones get no answer. "
                + "Lines: {\"q\":…, \"expect\":[anchor or path#anchor…], \"kind\":…}; no expect = off-topic.")
final class EvalQuestionsCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Parameters(paramLabel = "FILE", arity = "1..*")
    java.util.List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Knowledge knowledge = data.open()) {
            for (Path file : files) {
                var questions = AskEvaluation.read(file, "guide");
                var lexical = AskEvaluation.run(questions, q -> knowledge.ask(q, SearchMode.LEXICAL));
                var hybrid = AskEvaluation.run(questions, q -> knowledge.ask(q, SearchMode.HYBRID));
                spec.commandLine().getOut().println("== " + file + " (lexical)");
                spec.commandLine().getOut().print(lexical.table());
                spec.commandLine().getOut().println("== " + file + " (hybrid)");
                spec.commandLine().getOut().print(hybrid.render());
            }
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
