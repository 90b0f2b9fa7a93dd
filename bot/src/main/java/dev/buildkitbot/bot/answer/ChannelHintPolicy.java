package dev.buildkitbot.bot.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.buildkitbot.knowledge.similar.IssueMatch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a channel message gets a passive hint. Silence is the default: only a new
 * top-level message from a person, that reads like a problem, whose best match is confident, in a
 * thread not hinted before, from a user not hinted within the cooldown.
 */
public final class ChannelHintPolicy {
    private final double minConfidence;
    private final Cache<String, Boolean> hintedThreads;
    private final Cache<String, Boolean> recentUsers;

    public ChannelHintPolicy(double minConfidence, Duration userCooldown, Ticker ticker) {
        this.minConfidence = minConfidence;
        this.hintedThreads = Caffeine.newBuilder().expireAfterWrite(Duration.ofDays(7)).maximumSize(100_000).ticker(ticker).build();
        this.recentUsers = Caffeine.newBuilder().expireAfterWrite(userCooldown).maximumSize(100_000).ticker(ticker).build();
    }

    /** Cheap checks, fine on the ack path: is this message a candidate at all? */
    public boolean isCandidate(String user, String botId, String subtype, String threadTs, String ts, String text) {
        return user != null && botId == null && subtype == null && (threadTs == null || threadTs.equals(ts))
                && ProblemDetector.looksLikeProblem(text);
    }

    /**
     * After the search: the match to show, if any. Claims the thread and the user's cooldown, so a
     * second call for the same thread or user within the cooldown returns empty.
     */
    public synchronized Optional<IssueMatch> decide(String channel, String ts, String user, List<IssueMatch> matches) {
        if (matches.isEmpty() || matches.get(0).confidence() < minConfidence) {
            return Optional.empty();
        }
        String thread = channel + ":" + ts;
        if (hintedThreads.getIfPresent(thread) != null || recentUsers.getIfPresent(user) != null) {
            return Optional.empty();
        }
        hintedThreads.put(thread, Boolean.TRUE);
        recentUsers.put(user, Boolean.TRUE);
        return Optional.of(matches.get(0));
    }
}
