package dev.buildkitbot.bot.answer;

import dev.buildkitbot.knowledge.Knowledge;
import dev.buildkitbot.knowledge.similar.DuplicateFinder;
import dev.buildkitbot.knowledge.similar.IssueMatch;

import java.util.List;

/** Answers a question: the best sections, plus up to three related issues when it reads like a problem. */
public final class AnswerComposer {
    static final int RELATED = 3;
    /** Related issues below this confidence are noise next to an answer. */
    static final double RELATED_MIN_CONFIDENCE = 0.35;

    private final Knowledge knowledge;

    public AnswerComposer(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    public AnswerReply compose(String question) {
        String text = question == null ? "" : question.strip();
        return new AnswerReply(text, knowledge.ask(text), related(text), knowledge.freshness());
    }

    /** The issues shown beside an answer: only when the text reads like a problem, and only confident ones. */
    public List<IssueMatch> related(String text) {
        return ProblemDetector.looksLikeProblem(text)
                ? knowledge.similar(text, DuplicateFinder.Options.top(RELATED)).stream()
                .filter(m -> m.confidence() >= RELATED_MIN_CONFIDENCE).toList()
                : List.of();
    }
}
