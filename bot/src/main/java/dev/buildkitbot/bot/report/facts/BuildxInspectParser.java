package dev.buildkitbot.bot.report.facts;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code docker buildx inspect [--bootstrap]}: the builder, its driver, and its first node's
 * name, daemon flags, BuildKit version and worker labels. Knows both the current layout
 * ({@code BuildKit daemon flags:}, {@code BuildKit version:}) and the older one ({@code Flags:},
 * {@code BuildKit:}).
 */
final class BuildxInspectParser {
    private static final Pattern NODES = Pattern.compile("(?m)^[ \\t]*Nodes:\\s*$");
    private static final Pattern NAME = Pattern.compile("(?m)^[ \\t]*Name:\\s+(\\S+)\\s*$");
    private static final Pattern DRIVER = Pattern.compile("(?m)^[ \\t]*Driver:\\s+(\\S+)\\s*$");
    private static final Pattern ENDPOINT = Pattern.compile("(?m)^[ \\t]*Endpoint:\\s+(\\S+)\\s*$");
    private static final Pattern FLAGS = Pattern.compile("(?m)^[ \\t]*(?:BuildKit daemon flags|Flags):[ \\t]+(\\S.*)$");
    private static final Pattern VERSION = Pattern.compile("(?m)^[ \\t]*BuildKit(?: version)?:[ \\t]+(v?\\d+\\.\\d+\\.\\d+\\S*)");
    private static final Pattern DRIVER_OPTIONS = Pattern.compile("(?m)^[ \\t]*Driver Options:\\s+(.*)$");
    private static final Pattern PLATFORMS = Pattern.compile("(?m)^[ \\t]*Platforms:\\s+([\\w/.-]+)");

    private BuildxInspectParser() {
    }

    /** A "Driver:" line, a "Nodes:" section or a node's BuildKit line: enough to be (part of) inspect output. */
    static boolean looksLike(String text) {
        return DRIVER.matcher(text).find() || NODES.matcher(text).find() || VERSION.matcher(text).find();
    }

    static SetupFacts parse(String text) {
        if (!looksLike(text)) {
            return SetupFacts.NONE;
        }
        Matcher nodes = NODES.matcher(text);
        boolean hasNodes = nodes.find();
        String head = hasNodes ? text.substring(0, nodes.start()) : text;
        // Without a "Nodes:" line (a partial paste), the node's lines are wherever they are.
        String node = hasNodes ? text.substring(nodes.end()) : text;
        // Only the first node: the walkthrough talks about one daemon.
        int next = node.indexOf("\n\n");
        String firstNode = next > 0 ? node.substring(0, next) : node;
        String builder = Patterns.first(NAME, head);
        String nodeName = hasNodes ? Patterns.first(NAME, firstNode) : null;
        String driver = Patterns.first(DRIVER, head);
        String flagsLine = Patterns.first(FLAGS, firstNode);
        List<String> flags = flagsLine == null ? List.of() : Arrays.asList(flagsLine.strip().split("\\s+"));
        String driverOptions = Patterns.first(DRIVER_OPTIONS, firstNode);
        Boolean rootless = flags.contains("--rootless") || driverOptions != null && driverOptions.toLowerCase(Locale.ROOT).contains("rootless")
                ? Boolean.TRUE : null;
        String platform = Patterns.first(PLATFORMS, firstNode);
        return new SetupFacts(builder, nodeName, driver, Patterns.first(ENDPOINT, firstNode), Patterns.first(VERSION, firstNode), null, null, null,
                flags, DaemonFlags.debugAddress(flags), flagsLine == null ? null : DaemonFlags.debug(flags), rootless,
                WorkerLabels.dockerDesktop(firstNode), null, platform == null ? null : platform.replace("*", ""),
                WorkerLabels.snapshotter(firstNode), WorkerLabels.executor(firstNode));
    }

}
