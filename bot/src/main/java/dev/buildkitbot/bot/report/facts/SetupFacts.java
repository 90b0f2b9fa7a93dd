package dev.buildkitbot.bot.report.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * What the reporter's pasted output says about their setup. Every field is null until some paste
 * tells it; {@link #and} keeps what is known and lets later output fill in or correct the rest.
 *
 * @param builder      buildx builder name ({@code repro})
 * @param node         buildx node name ({@code repro0}); the docker-container driver runs it as {@code buildx_buildkit_<node>}
 * @param driver       buildx driver: {@code docker}, {@code docker-container}, {@code kubernetes}, {@code remote};
 *                     {@code buildkitd} for a standalone daemon
 * @param daemonFlags  the BuildKit daemon's flags as printed
 * @param debugAddress the daemon's {@code --debugaddr}, when it has one
 * @param debug        whether the daemon runs with {@code --debug}
 * @param os           the Docker host's operating system as {@code docker info} names it
 * @param platform     the daemon's platform, e.g. {@code linux/arm64}
 */
public record SetupFacts(String builder, String node, String driver, String endpoint,
                         String buildkitVersion, String buildxVersion, String buildctlVersion, String dockerVersion,
                         List<String> daemonFlags, String debugAddress, Boolean debug, Boolean rootless,
                         Boolean dockerDesktop, String os, String platform, String snapshotter, String worker) {

    public static final SetupFacts NONE = new SetupFacts(null, null, null, null, null, null, null, null,
            List.of(), null, null, null, null, null, null, null, null);

    public SetupFacts {
        daemonFlags = daemonFlags == null ? List.of() : List.copyOf(daemonFlags);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** These facts, with every fact {@code later} knows taking precedence. */
    public SetupFacts and(SetupFacts later) {
        return new SetupFacts(pick(later.builder, builder), pick(later.node, node), pick(later.driver, driver),
                pick(later.endpoint, endpoint), pick(later.buildkitVersion, buildkitVersion),
                pick(later.buildxVersion, buildxVersion), pick(later.buildctlVersion, buildctlVersion),
                pick(later.dockerVersion, dockerVersion),
                later.daemonFlags.isEmpty() ? daemonFlags : later.daemonFlags, pick(later.debugAddress, debugAddress),
                pick(later.debug, debug), pick(later.rootless, rootless), pick(later.dockerDesktop, dockerDesktop),
                pick(later.os, os), pick(later.platform, platform), pick(later.snapshotter, snapshotter), pick(later.worker, worker));
    }

    public SetupFacts withBuilder(String name) {
        return new SetupFacts(name, node != null ? node : name + "0", driver, endpoint, buildkitVersion, buildxVersion,
                buildctlVersion, dockerVersion, daemonFlags, debugAddress, debug, rootless, dockerDesktop, os, platform,
                snapshotter, worker);
    }

    /** The docker-container driver's container for this node: {@code buildx_buildkit_repro0}. */
    public String container() {
        String n = node != null ? node : builder != null ? builder + "0" : null;
        return n == null ? null : "buildx_buildkit_" + n;
    }

    /** The node name, known directly or from the builder's (buildx names the first node {@code <builder>0}). */
    public String nodeName() {
        return node != null ? node : builder != null ? builder + "0" : null;
    }

    /** The facts in the bug form's words, one "- **What**: value" line each, for the draft. */
    public List<String> describe(String runtimeLabel) {
        List<String> lines = new ArrayList<>();
        if (runtimeLabel != null) {
            lines.add("How BuildKit runs: " + runtimeLabel);
        }
        add(lines, "BuildKit version", buildkitVersion);
        add(lines, "Buildx version", buildxVersion);
        add(lines, "buildctl version", buildctlVersion);
        add(lines, "Docker Engine version", dockerVersion == null ? null
                : dockerVersion + (Boolean.TRUE.equals(dockerDesktop) ? " (Docker Desktop)" : ""));
        if (driver != null && !"buildkitd".equals(driver)) {
            add(lines, "Buildx driver", driver + (builder != null ? " (builder " + builder + ")" : ""));
        }
        add(lines, "Daemon flags", daemonFlags.isEmpty() ? null : String.join(" ", daemonFlags));
        add(lines, "Rootless", rootless == null ? null : rootless ? "yes" : "no");
        add(lines, "Platform", platform);
        add(lines, "Operating system", os);
        add(lines, "Worker / snapshotter", worker == null && snapshotter == null ? null
                : (worker == null ? "?" : worker) + " / " + (snapshotter == null ? "?" : snapshotter));
        return lines;
    }

    private static void add(List<String> lines, String what, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(what + ": " + value);
        }
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
