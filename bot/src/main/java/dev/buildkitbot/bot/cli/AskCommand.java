package dev.buildkitbot.bot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.buildkitbot.knowledge.Knowledge;
import dev.buildkitbot.knowledge.SearchMode;
import dev.buildkitbot.knowledge.ask.Answer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Answer a question from the issue reporting guide and the docs.")
final class AskCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "the question (quote it, or pass several words)")
    List<String> words;

    @Option(names = "--json", description = "print the answer as JSON")
    boolean json;

    @Option(names = "--lexical", description = "rank by words only (what the bot did without its embedding model)")
    boolean lexical;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        String question = String.join(" ", words).strip();
        if (question.isEmpty()) {
            throw new UserException("the question is empty: ask \"my build hangs, what should I send?\"");
        }
        try (Knowledge knowledge = data.open()) {
            List<Answer> answers = knowledge.ask(question, lexical ? SearchMode.LEXICAL : SearchMode.HYBRID);
            // The issues the console and Slack show beside the answer, for the same text.
            List<dev.buildkitbot.knowledge.similar.IssueMatch> related = new dev.buildkitbot.bot.answer.AnswerComposer(knowledge).related(question);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("answers", answers);
                result.put("issues", related);
                out.println(Json.MAPPER.writeValueAsString(result));
            } else {
                printHuman(out, answers);
                for (var issue : related) {
                    out.printf("Related issue: %s %s (%s)%n   %s%n", issue.reference(), issue.title(), issue.state(), issue.url());
                }
                out.println("Knowledge: " + knowledge.freshness());
            }
            out.flush();
        }
        return 0;
    }

    private static void printHuman(PrintWriter out, List<Answer> answers) {
        if (answers.isEmpty()) {
            out.println("No section of the guide or the docs answers that with confidence.");
            out.println("To report a problem step by step, run: java -jar buildkit-bot.jar console   (or /buildkit-report in Slack)");
            return;
        }
        int i = 1;
        for (Answer a : answers) {
            out.printf("%d. %s  [%s %s/%s]%n   %s%n   %s%n%n", i++, a.title(), a.source(), a.repo(), a.path(), a.url(), a.snippet());
        }
    }
}
