package dev.buildkitbot.bot.report.engine;

import dev.buildkitbot.bot.report.flow.Walkthroughs;

import java.util.List;
import java.util.Optional;

/** The engine's answer to one input: the next state and what to say. */
public record Outcome(Session session, List<Reply> replies) {
    public Outcome {
        replies = List.copyOf(replies);
    }

    /** Whether the next input is a capture (a paste that may span many lines), for adapters that care. */
    public boolean awaitingCapture(Walkthroughs flows) {
        return awaiting(flows).map(Walkthroughs.Step::capture).orElse(false);
    }

    /** Whether the next input is free text that may take several lines (e.g. "what happened"). */
    public boolean awaitingParagraph(Walkthroughs flows) {
        return awaiting(flows).map(Walkthroughs.Step::paragraph).orElse(false);
    }

    /** The step whose answer comes next, unless a question of the engine's own (a setup fact, the security pause) comes first. */
    private Optional<Walkthroughs.Step> awaiting(Walkthroughs flows) {
        String step = session.currentStep();
        if (step == null || session.pendingFact() != null || Session.SECURITY_ASKING.equals(session.security())) {
            return Optional.empty();
        }
        return Optional.of(flows.step(step));
    }
}
