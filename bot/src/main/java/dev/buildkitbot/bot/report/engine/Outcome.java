package dev.buildkitbot.bot.report.engine;

import java.util.List;

/** The engine's answer to one input: the next state and what to say. */
public record Outcome(Session session, List<Reply> replies) {
    public Outcome {
        replies = List.copyOf(replies);
    }

    /** Whether the next input is a capture (a paste that may span many lines), for adapters that care. */
    public boolean awaitingCapture(dev.buildkitbot.bot.report.flow.Walkthroughs flows) {
        String step = session.currentStep();
        return step != null && session.pendingFact() == null && flows.step(step).capture();
    }
}
