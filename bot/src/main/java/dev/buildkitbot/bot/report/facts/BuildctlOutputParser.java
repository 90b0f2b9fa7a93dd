package dev.buildkitbot.bot.report.facts;

import java.util.regex.Pattern;

/**
 * Reads what the standalone tools print: {@code buildctl --version}, {@code buildkitd --version},
 * {@code buildctl debug info} and {@code buildctl debug workers -v}; and {@code docker buildx version}.
 */
final class BuildctlOutputParser {
    private static final Pattern BUILDCTL = Pattern.compile("(?m)^buildctl\\s+github\\.com/moby/buildkit\\s+(v\\S+)");
    private static final Pattern BUILDKITD = Pattern.compile("(?m)^buildkitd\\s+github\\.com/moby/buildkit\\s+(v\\S+)");
    private static final Pattern DAEMON = Pattern.compile("(?m)^BuildKit:\\s+github\\.com/moby/buildkit\\s+(v\\S+)");
    private static final Pattern BUILDX = Pattern.compile("github\\.com/docker/buildx\\s+(v\\S+)");
    private static final Pattern PLATFORMS = Pattern.compile("(?m)^Platforms:\\s+([\\w/.-]+)");

    private BuildctlOutputParser() {
    }

    static SetupFacts parse(String text) {
        String buildctl = Patterns.first(BUILDCTL, text);
        String buildkitd = Patterns.first(BUILDKITD, text);
        String daemon = Patterns.first(DAEMON, text);
        String buildx = Patterns.first(BUILDX, text);
        String platform = daemon != null ? Patterns.first(PLATFORMS, text) : null;
        boolean standalone = buildkitd != null || buildctl != null;
        return new SetupFacts(null, null, standalone && buildx == null ? "buildkitd" : null, null,
                buildkitd != null ? buildkitd : daemon, buildx, buildctl, null, null, null, null, null,
                WorkerLabels.dockerDesktop(text), null, platform, WorkerLabels.snapshotter(text), WorkerLabels.executor(text));
    }

}
