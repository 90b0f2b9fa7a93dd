package dev.buildkitbot.bot.answer;

import dev.buildkitbot.knowledge.ask.Answer;
import dev.buildkitbot.knowledge.similar.IssueMatch;

import java.util.List;

/**
 * What the bot answers to a question, independent of where it is shown.
 *
 * @param answers guide/docs sections, best first; empty when nothing answers with confidence
 * @param related existing issues that look like the described problem
 */
public record AnswerReply(String question, List<Answer> answers, List<IssueMatch> related, String freshness) {
    public AnswerReply {
        answers = List.copyOf(answers);
        related = List.copyOf(related);
    }

    public boolean abstained() {
        return answers.isEmpty();
    }
}
