package dev.buildkitbot.bot.report.engine;

import dev.buildkitbot.bot.report.facts.SetupFacts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One user's walkthrough, everything needed to resume it after a restart. Immutable: the engine
 * returns a new one for every input.
 *
 * @param steps       the step ids of this walkthrough, in order (a maintainer's request may pick them)
 * @param stepIndex   the step waiting for input, when phase is STEP
 * @param requestedBy the maintainer who asked for this capture, or null
 * @param origin      where to report back (adapter-specific: channel + thread), or null
 * @param matches     the issues offered in the duplicate check, as "owner/name#number"
 * @param facts       what the reporter's pasted output says about their setup
 * @param pendingFact a fact the reporter was just asked for (its answer is the next input), or null
 * @param offered     the issues of the duplicate check with their titles, so a resumed check shows them again
 * @param related     issues the reporter kept as related (not theirs): the draft's "Related issues"
 * @param security    null until something written reads like a vulnerability; then {@link #SECURITY_ASKING}
 *                    while the reporter is asked, {@link #SECURITY_CLEARED} once they said it is not one
 */
public record Session(String owner, Phase phase, String kind, String runtime, List<String> steps, int stepIndex,
                      Map<String, Capture> captures, List<String> matches, String chosenIssue, String draftUrl,
                      String requestedBy, String origin, Instant created, Instant updated, SetupFacts facts, String pendingFact,
                      List<IssueLookup.Found> offered, List<String> related, String security) {
    public static final String SECURITY_ASKING = "asking";
    public static final String SECURITY_CLEARED = "cleared";

    public enum Phase { KIND, RUNTIME, STEP, DUPLICATES, DONE, CANCELLED }

    public Session {
        steps = steps == null ? List.of() : List.copyOf(steps);
        captures = captures == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(captures));
        matches = matches == null ? List.of() : List.copyOf(matches);
        facts = facts == null ? SetupFacts.NONE : facts; // sessions saved before facts existed
        offered = offered == null ? List.of() : List.copyOf(offered); // (and before these three)
        related = related == null ? List.of() : List.copyOf(related);
    }

    public static Session start(String owner, Instant now) {
        return new Session(owner, Phase.KIND, null, null, List.of(), 0, Map.of(), List.of(), null, null, null, null, now, now, SetupFacts.NONE, null, List.of(), List.of(), null);
    }

    public boolean active() {
        return phase != Phase.DONE && phase != Phase.CANCELLED;
    }

    public String currentStep() {
        return phase == Phase.STEP && stepIndex < steps.size() ? steps.get(stepIndex) : null;
    }

    /** The same session marked finished without changing anything else (for "nothing in progress" answers). */
    public Session withPhaseDone() {
        return new Session(owner, Phase.DONE, kind, runtime, steps, stepIndex, captures, matches, chosenIssue, draftUrl, requestedBy, origin, created, updated, facts, pendingFact, offered, related, security);
    }

    Session with(Phase phase, Instant now) {
        return new Session(owner, phase, kind, runtime, steps, stepIndex, captures, matches, chosenIssue, draftUrl, requestedBy, origin, created, now, facts, pendingFact, offered, related, security);
    }

    Session withKind(String kind, List<String> steps, Instant now) {
        return new Session(owner, phase, kind, runtime, steps, 0, captures, matches, chosenIssue, draftUrl, requestedBy, origin, created, now, facts, pendingFact, offered, related, security);
    }

    Session withRuntime(String runtime, Instant now) {
        return new Session(owner, phase, kind, runtime, steps, stepIndex, captures, matches, chosenIssue, draftUrl, requestedBy, origin, created, now, facts, pendingFact, offered, related, security);
    }

    Session atStep(int index, Instant now) {
        return new Session(owner, Phase.STEP, kind, runtime, steps, index, captures, matches, chosenIssue, draftUrl, requestedBy, origin, created, now, facts, null, offered, related, security);
    }

    Session withCapture(String step, Capture capture, Instant now) {
        Map<String, Capture> next = new LinkedHashMap<>(captures);
        next.put(step, capture);
        return new Session(owner, phase, kind, runtime, steps, stepIndex, next, matches, chosenIssue, draftUrl, requestedBy, origin, created, now, facts, pendingFact, offered, related, security);
    }

    /** The same session, now knowing {@code more} about the setup (later facts take precedence). */
    Session withFacts(SetupFacts more, Instant now) {
        return new Session(owner, phase, kind, runtime, steps, stepIndex, captures, matches, chosenIssue, draftUrl, requestedBy, origin, created, now, facts.and(more), pendingFact, offered, related, security);
    }

    /** Waiting for the reporter to tell {@code fact} (null: not waiting). */
    Session asking(String fact, Instant now) {
        return new Session(owner, phase, kind, runtime, steps, stepIndex, captures, matches, chosenIssue, draftUrl, requestedBy, origin, created, now, facts, fact, offered, related, security);
    }

    /** {@code step} inserted right after the current one (a step the reporter's facts call for). */
    Session withStepAfterCurrent(String step, Instant now) {
        List<String> next = new java.util.ArrayList<>(steps);
        next.add(Math.min(stepIndex + 1, next.size()), step);
        return new Session(owner, phase, kind, runtime, next, stepIndex, captures, matches, chosenIssue, draftUrl, requestedBy, origin, created, now, facts, pendingFact, offered, related, security);
    }

    Session withMatches(List<IssueLookup.Found> offered, Instant now) {
        List<String> matches = offered.stream().map(IssueLookup.Found::reference).toList();
        return new Session(owner, Phase.DUPLICATES, kind, runtime, steps, stepIndex, captures, matches, chosenIssue, draftUrl, requestedBy, origin, created, now, facts, pendingFact, offered, related, security);
    }

    /** {@code ref} kept as related to the report (not the reporter's own issue). */
    Session withRelated(String ref, Instant now) {
        List<String> next = new java.util.ArrayList<>(related);
        if (!next.contains(ref)) {
            next.add(ref);
        }
        return new Session(owner, phase, kind, runtime, steps, stepIndex, captures, matches, chosenIssue, draftUrl, requestedBy, origin, created, now, facts, pendingFact, offered, next, security);
    }

    Session withSecurity(String security, Instant now) {
        return new Session(owner, phase, kind, runtime, steps, stepIndex, captures, matches, chosenIssue, draftUrl, requestedBy, origin, created, now, facts, pendingFact, offered, related, security);
    }

    Session finished(String chosenIssue, String draftUrl, Instant now) {
        return new Session(owner, Phase.DONE, kind, runtime, steps, stepIndex, captures, matches, chosenIssue, draftUrl, requestedBy, origin, created, now, facts, pendingFact, offered, related, security);
    }

    /** A walkthrough a maintainer asked for: these steps only, reported back to {@code origin}. */
    public static Session requested(String owner, List<String> steps, String requestedBy, String origin, Instant now) {
        return new Session(owner, Phase.RUNTIME, "requested", null, steps, 0, Map.of(), List.of(), null, null, requestedBy, origin, now, now, SetupFacts.NONE, null, List.of(), List.of(), null);
    }
}
