package dev.buildkitbot.bot.maintainer;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who is a maintainer: the user IDs in BUILDKIT_BOT_MAINTAINERS, plus the members of a Slack user
 * group (resolved through the Web API, cached and refreshed every few minutes; a failed refresh
 * keeps the last known members).
 */
public final class Maintainers {
    private static final Logger log = LoggerFactory.getLogger(Maintainers.class);
    private final Set<String> ids;
    private final LoadingCache<String, Set<String>> group;

    /** @param groupMembers loads the user group's members, or null when no group is configured */
    public Maintainers(Set<String> ids, Supplier<Set<String>> groupMembers) {
        this.ids = Set.copyOf(ids);
        this.group = groupMembers == null ? null : Caffeine.newBuilder()
                .refreshAfterWrite(Duration.ofMinutes(10)).maximumSize(1)
                .build(k -> {
                    Set<String> members = groupMembers.get();
                    log.info("maintainer group resolved: {} members", members.size());
                    return members;
                });
    }

    public boolean isMaintainer(String user) {
        if (user == null) {
            return false;
        }
        if (ids.contains(user)) {
            return true;
        }
        if (group == null) {
            return false;
        }
        try {
            Set<String> members = group.get("group");
            return members != null && members.contains(user);
        } catch (RuntimeException e) {
            log.warn("cannot resolve the maintainer group: {}", e.getMessage());
            return false;
        }
    }
}
