package dev.buildkitbot.bot.report.facts;

import java.util.regex.Pattern;

/** The {@code org.mobyproject.buildkit.worker.*} labels that buildx inspect and buildctl debug workers print. */
final class WorkerLabels {
    private static final Pattern HOSTNAME = label("hostname");
    private static final Pattern SNAPSHOTTER = label("snapshotter");
    private static final Pattern EXECUTOR = label("executor");

    private WorkerLabels() {
    }

    private static Pattern label(String name) {
        return Pattern.compile("org\\.mobyproject\\.buildkit\\.worker\\." + name + ":\\s+(\\S+)");
    }

    /** Docker Desktop's VM names the daemon's host {@code docker-desktop}. */
    static Boolean dockerDesktop(String text) {
        String host = Patterns.first(HOSTNAME, text);
        return host != null && host.equals("docker-desktop") ? Boolean.TRUE : null;
    }

    static String snapshotter(String text) {
        return Patterns.first(SNAPSHOTTER, text);
    }

    static String executor(String text) {
        return Patterns.first(EXECUTOR, text);
    }

}
