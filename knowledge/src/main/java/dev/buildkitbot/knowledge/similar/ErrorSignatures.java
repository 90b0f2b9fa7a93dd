package dev.buildkitbot.knowledge.similar;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error text that makes two BuildKit reports the same bug: {@code failed to solve: …},
 * {@code failed to compute cache key: …}, {@code rpc error: code = …}, {@code exit code: 137}, Go
 * panics with their first BuildKit/Buildx frame. Signatures are normalised (noise stripped, lower
 * case, quoted names and numbers other than codes blanked) so the same error in two reports reads the same.
 */
public final class ErrorSignatures {
    private static final int MAX_SIGNATURES = 8;
    private static final int MAX_LENGTH = 160;
    private static final Pattern ERROR_LINE = Pattern.compile(
            "(?i)(failed to solve:.*|failed to compute cache key:.*|failed to (?:export|push|load|read|create|copy|mount|get|resolve|fetch|receive|calculate|build|start|prepare|parse)\\b.*"
                    + "|rpc error: code = \\w+ desc = .*|panic: .*|fatal error: .*|error: .*|level=error msg=.*|\\bERROR:? .*"
                    + "|exit code: \\d+|exited with code \\d+|did not complete successfully: exit code: \\d+|no such file or directory|context deadline exceeded|deadlock)");
    /** A Go frame: {@code github.com/moby/buildkit/solver.(*edge).unpark(0xc0001)} → package, receiver, function. */
    private static final Pattern FRAME = Pattern.compile(
            "(github\\.com/(?:moby/buildkit|docker/buildx|docker/docker|moby/moby)/[\\w./-]+?\\.(?:\\(\\*?\\w+\\)\\.)?[\\w.]+)");
    /**
     * A panic or fatal error raised by the Go runtime rather than by BuildKit's code (the messages of
     * runtime/panic.go, runtime/error.go and the map/channel/sync throws); normalised text.
     */
    static final Pattern GO_RUNTIME = Pattern.compile("^(?:panic|fatal error): (?:runtime error: |runtime: |concurrent map |"
            + "all goroutines are asleep|assignment to entry in nil map|send on closed channel|close of (?:closed|nil) channel|"
            + "sync: |interface conversion: |out of memory|stack overflow|unexpected signal|fault|invalid memory address|"
            + "index out of range|slice bounds out of range|integer divide by zero|nil map|goroutine stack exceeds|"
            + "malloc deadlock|unlock of unlocked)");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]{0,200}\"|'[^']{0,200}'|`[^`]{0,200}`");
    private static final Pattern NUMBERS = Pattern.compile("(?<!code[ :=]{1,3})\\b\\d+\\b");

    private ErrorSignatures() {
    }

    public static List<String> extract(String text) {
        return extractFromClean(NoiseStripper.strip(text));
    }

    /** As {@link #extract}, for text that already went through {@link NoiseStripper}. */
    public static List<String> extractFromClean(String clean) {
        Set<String> out = new LinkedHashSet<>();
        boolean panic = false;
        for (String line : clean.split("\\R")) {
            Matcher m = mayHoldAnError(line) ? ERROR_LINE.matcher(line) : null;
            if (m != null && m.find()) {
                String sig = normalise(m.group(1));
                boolean crash = sig.startsWith("panic:") || sig.startsWith("fatal error:");
                // Go's own messages (nil dereference, index out of range, concurrent map writes) are
                // shared by unrelated bugs; where it crashed is what tells them apart.
                if (sig.length() >= 8 && !(crash && GO_RUNTIME.matcher(sig).find())) {
                    out.add(sig);
                }
                panic |= crash;
            } else if (panic) {
                Matcher frame = FRAME.matcher(line);
                if (frame.find()) {
                    // The first project frame under a panic (or a fatal error) names where it happened.
                    out.add(normalise("panic at " + frame.group(1)));
                    panic = false;
                }
            }
            if (out.size() >= MAX_SIGNATURES) {
                break;
            }
        }
        return List.copyOf(out);
    }

    private static final String[] KEYWORDS = {"fail", "error", "panic", "fatal", "exit", "deadlock", "no such file", "deadline"};

    /** A cheap look before the costly pattern: most lines of a report hold none of its words. */
    private static boolean mayHoldAnError(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        for (String keyword : KEYWORDS) {
            if (lower.contains(keyword)) {
                return true;
            }
        }
        return false;
    }

    static String normalise(String line) {
        String s = QUOTED.matcher(line).replaceAll("_");
        s = NUMBERS.matcher(s).replaceAll("N");
        s = s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) : s;
    }
}
