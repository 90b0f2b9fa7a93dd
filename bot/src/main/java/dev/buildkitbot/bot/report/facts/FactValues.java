package dev.buildkitbot.bot.report.facts;

import java.util.Optional;
import java.util.Set;

/**
 * The facts a walkthrough command line can use: {@code {name}} placeholders and {@code when}/
 * {@code unless} conditions, from the reporter's setup and the latest BuildKit release.
 *
 * <p>Placeholders: {@code builder}, {@code node}, {@code container} (buildx_buildkit_&lt;node&gt;),
 * {@code debugaddr}, {@code endpoint}, {@code buildkit} (their version), {@code latest}.
 * Conditions: {@code debugaddr}, {@code debug}, {@code desktop}, {@code rootless}, {@code flags-known}.
 */
public record FactValues(SetupFacts facts, String latest) {
    public static final Set<String> PLACEHOLDERS = Set.of("builder", "node", "container", "debugaddr", "endpoint", "buildkit", "latest");
    public static final Set<String> CONDITIONS = Set.of("debugaddr", "debug", "desktop", "rootless", "flags-known");
    /** The facts a reporter can simply be asked for; the others come from pasted output. */
    public static final String BUILDER = "builder";

    public Optional<String> value(String name) {
        return Optional.ofNullable(switch (name) {
            case "builder" -> facts.builder() != null ? facts.builder()
                    : facts.node() != null && facts.node().matches(".*\\d") ? facts.node().replaceFirst("\\d+$", "") : null;
            case "node" -> facts.nodeName();
            case "container" -> facts.container();
            case "debugaddr" -> facts.debugAddress();
            case "endpoint" -> facts.endpoint();
            case "buildkit" -> facts.buildkitVersion();
            case "latest" -> latest;
            default -> throw new IllegalArgumentException("unknown placeholder {" + name + "}");
        });
    }

    /** Whether a condition is known to hold (unknown counts as not holding). */
    public boolean holds(String condition) {
        return switch (condition) {
            case "debugaddr" -> facts.debugAddress() != null;
            case "debug" -> Boolean.TRUE.equals(facts.debug());
            case "desktop" -> Boolean.TRUE.equals(facts.dockerDesktop());
            case "rootless" -> Boolean.TRUE.equals(facts.rootless());
            case "flags-known" -> facts.debug() != null;
            default -> throw new IllegalArgumentException("unknown condition " + condition);
        };
    }

    /** The fact to ask the reporter for so that {@code placeholder} can be filled, or null if asking cannot help. */
    public static String askableFor(String placeholder) {
        return switch (placeholder) {
            case "builder", "node", "container" -> BUILDER;
            default -> null;
        };
    }
}
