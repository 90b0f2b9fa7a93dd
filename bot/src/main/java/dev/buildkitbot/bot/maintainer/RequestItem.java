package dev.buildkitbot.bot.maintainer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a maintainer can ask a reporter for, each tied to a walkthrough step and a guide anchor. */
public enum RequestItem {
    VERSIONS("versions", "versions", "Versions", "which BuildKit, Buildx and Docker you run", "describe-your-environment"),
    REPRODUCER("reproducer", "reproducer", "Reproducer", "the commands and Dockerfile that show the problem, as small as possible", "reproducible-test-case"),
    GOROUTINES("goroutines", "goroutines", "Goroutine dump", "the stack of every goroutine while it hangs, so we can see where it is stuck", "reporting-deadlock"),
    PANIC("panic", "error-trace", "Panic / error trace", "the full panic or error with its stack trace", "reporting-panicserror-returns"),
    DEBUG_LOGS("debug-logs", "debug-logs", "Debug logs", "the daemon's logs with --debug while it happens", "gathering-more-debugging-data"),
    SCHEDULER_DEBUG("scheduler-debug", "scheduler-debug", "Scheduler debug", "logs with BUILDKIT_SCHEDULER_DEBUG=1, the solver's decisions", "gathering-more-debugging-data"),
    BISECT("bisect", "bisect", "Bisect", "the commit that broke it, found with git bisect", "regressions"),
    LIVE_DEBUG("live-debug", "live-debug", "Live debugging", "a debugger attached to the running daemon before it is restarted", "debugging-issues-that-only-reproduce-in-the-live-environment");

    public final String id;
    public final String step;
    public final String label;
    public final String why;
    public final String anchor;

    RequestItem(String id, String step, String label, String why, String anchor) {
        this.id = id;
        this.step = step;
        this.label = label;
        this.why = why;
        this.anchor = anchor;
    }

    public static Optional<RequestItem> of(String id) {
        String key = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(i -> i.id.equals(key)).findFirst();
    }

    /** Parses {@code versions,goroutines}; unknown names are returned in {@code unknown}. */
    public static List<RequestItem> parse(String list, List<String> unknown) {
        List<RequestItem> items = new ArrayList<>();
        for (String part : list.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            of(part).ifPresentOrElse(i -> {
                if (!items.contains(i)) {
                    items.add(i);
                }
            }, () -> unknown.add(part));
        }
        return items;
    }

    public static String ids() {
        return String.join(",", Arrays.stream(values()).map(i -> i.id).toList());
    }
}
