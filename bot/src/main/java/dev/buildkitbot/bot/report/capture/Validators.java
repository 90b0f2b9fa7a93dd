package dev.buildkitbot.bot.report.capture;

import dev.buildkitbot.bot.report.facts.SetupFacts;
import dev.buildkitbot.bot.report.facts.SetupParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The validators a walkthrough step can name in config/walkthroughs.yml. */
public final class Validators {
    /** A full dump has many goroutines; a handful means it was cut. */
    static final int FEW_GOROUTINES = 5;

    private static final Map<String, BiFunction<String, Vocabulary, Verdict>> BY_NAME = Map.of(
            "summary", Validators::summary,
            "text", (text, words) -> text(text),
            "reproducer", (text, words) -> reproducer(text),
            "versions", (text, words) -> versions(text),
            "goroutine-dump", (text, words) -> goroutineDump(text),
            "error-trace", (text, words) -> errorTrace(text),
            "debug-log", (text, words) -> debugLog(text),
            "bisect", (text, words) -> bisect(text));

    /**
     * "It happens only sometimes" said in the reproducer step: the guide wants a reproducer, but an
     * intermittent problem may have none; then what was tried is what maintainers can use.
     */
    private static final Pattern NOT_REPRODUCIBLE = Pattern.compile(
            "(?i)\\b(?:can ?no?t|can't|cannot|couldn't|could not|unable to|not able to|don't know how to|do not know how to)\\s+(?:\\w+\\s+){0,2}reproduce"
                    + "|\\bnot\\s+(?:reliably\\s+|always\\s+)?reproducible|\\bintermittent(?:ly)?\\b|\\bflaky\\b"
                    + "|\\b(?:only\\s+)?(?:sometimes|randomly|occasionally)\\b|\\bonce in a while\\b");
    /** Enough words besides the admission to say what was tried. */
    private static final int TRIED_WORDS = 8;

    private Validators() {
    }

    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    public static Verdict validate(String name, String text) {
        return validate(name, text, Vocabulary.any());
    }

    public static Verdict validate(String name, String text, Vocabulary vocabulary) {
        BiFunction<String, Vocabulary, Verdict> v = BY_NAME.get(name);
        if (v == null) {
            throw new IllegalArgumentException("unknown validator: " + name);
        }
        if (text == null || text.isBlank()) {
            return Verdict.reject("That was empty.");
        }
        return v.apply(text, vocabulary);
    }

    static Verdict summary(String text, Vocabulary vocabulary) {
        String line = text.strip().lines().findFirst().orElse("");
        if (line.length() < 8) {
            return Verdict.reject("A few more words, please: what goes wrong, in one line (e.g. \"build hangs at COPY with cache mounts\").");
        }
        if (vocabulary.knownWords(line) == 0) {
            return Verdict.reject("None of those words appear in BuildKit's docs or issues, so nobody could find the issue by its title. "
                    + "In one line, what goes wrong? (e.g. \"build hangs at COPY with cache mounts\").");
        }
        if (line.length() > 120) {
            return Verdict.warn("That is long for a title; I'll use the first 120 characters.");
        }
        return Verdict.ok("Thanks.");
    }

    static Verdict text(String text) {
        return Verdict.ok("Got it.");
    }

    static Verdict reproducer(String text) {
        ContentSniffer.Kind kind = ContentSniffer.sniff(text);
        if (kind == ContentSniffer.Kind.GOROUTINE_DUMP || kind == ContentSniffer.Kind.PANIC) {
            return Verdict.reject("This looks like " + kind.label + ", not a reproducer. Send the commands you run and the Dockerfile.");
        }
        boolean hasDockerfile = ContentSniffer.DOCKERFILE.matcher(text).find();
        boolean hasCommand = text.contains("docker ") || text.contains("buildctl ") || text.contains("buildx ");
        if (!hasDockerfile && !hasCommand && NOT_REPRODUCIBLE.matcher(text).find()) {
            long words = text.strip().split("\\s+").length;
            if (words < TRIED_WORDS) {
                return Verdict.reject("Understood, it does not reproduce reliably. Then say what you tried and what you saw: "
                        + "how often it happens, what the builds that fail have in common, what you changed that made no difference.");
            }
            return Verdict.warn("Noted as not reliably reproducible, with what you tried. If it happens again, the commands and the "
                    + "Dockerfile of a failing build help most.");
        }
        if (!hasDockerfile && !hasCommand) {
            return Verdict.warn("I took it. A reproducer usually has the commands you run (docker buildx build …) and the Dockerfile; add them if you can.");
        }
        return Verdict.ok("Reproducer noted.");
    }

    static Verdict versions(String text) {
        SetupFacts facts = SetupParser.parse(text);
        List<String> found = new ArrayList<>();
        add(found, "BuildKit", facts.buildkitVersion());
        add(found, "Buildx", facts.buildxVersion());
        add(found, "buildctl", facts.buildctlVersion());
        add(found, "Docker Engine", facts.dockerVersion());
        if (found.isEmpty()) {
            ContentSniffer.Kind kind = ContentSniffer.sniff(text);
            return Verdict.reject((kind == ContentSniffer.Kind.OTHER ? "I found no version in that."
                    : "This looks like " + kind.label + ", not version output.")
                    + " Paste the output of the commands above.");
        }
        // The client versions alone do not say which BuildKit ran the build; Docker Engine's version
        // does for the docker driver (its BuildKit is built in).
        if (facts.buildkitVersion() == null && facts.dockerVersion() == null) {
            return Verdict.reject("Found: " + String.join(", ", found) + ", but not the BuildKit that runs your builds. "
                    + "Add the output of `docker buildx inspect --bootstrap` (its \"BuildKit version\" line), "
                    + "or `buildkitd --version` / `buildctl debug info` for a standalone daemon.");
        }
        add(found, "driver", facts.driver());
        add(found, "builder", facts.builder());
        return Verdict.ok("Found: " + String.join(", ", found) + ".");
    }

    private static void add(List<String> found, String what, String value) {
        if (value != null) {
            found.add(what + " " + value);
        }
    }

    static Verdict goroutineDump(String text) {
        Matcher m = ContentSniffer.GOROUTINE_HEADER.matcher(text);
        int goroutines = 0;
        while (m.find()) {
            goroutines++;
        }
        if (goroutines == 0) {
            ContentSniffer.Kind kind = ContentSniffer.sniff(text);
            return Verdict.reject("This looks like " + kind.label + ", not a goroutine dump: a dump is made of "
                    + "\"goroutine N [state]:\" blocks. Run one of the commands above and send its whole output.");
        }
        if (goroutines < FEW_GOROUTINES || looksCut(text)) {
            return Verdict.warn("I see " + goroutines + " goroutine(s) and it looks cut off. The guide insists on the full "
                    + "trace: send the complete output (as a file if it is long), or go on with this one.");
        }
        return Verdict.ok("Goroutine dump with " + goroutines + " goroutines.");
    }

    /**
     * A complete dump ends with a frame's file:line, a "created by" line, the runtime's
     * "...additional frames elided..." or (SIGQUIT, GOTRACEBACK=crash) the signal's register dump.
     */
    private static boolean looksCut(String text) {
        String last = text.strip().lines().reduce((a, b) -> b).orElse("").strip();
        if (last.equals("...additional frames elided...")) {
            return false;
        }
        return ContentSniffer.GOROUTINE_HEADER.matcher(last).matches() || last.endsWith("(") || last.endsWith("...");
    }

    static Verdict errorTrace(String text) {
        ContentSniffer.Kind kind = ContentSniffer.sniff(text);
        if (kind == ContentSniffer.Kind.PANIC) {
            return ContentSniffer.GOROUTINE_HEADER.matcher(text).find()
                    ? Verdict.ok("Panic trace with its goroutines.")
                    : Verdict.warn("I see the panic message but no goroutine stack after it; send everything that followed it if you have it.");
        }
        if (kind == ContentSniffer.Kind.DOCKERFILE || kind == ContentSniffer.Kind.VERSIONS) {
            return Verdict.reject("This looks like " + kind.label + ", not an error. Send the error as printed, with --debug for the stack trace.");
        }
        boolean stack = text.contains(".go:") || ContentSniffer.GOROUTINE_HEADER.matcher(text).find();
        if (!stack) {
            return Verdict.warn("Got the error. It has no stack trace: rerun with --debug (docker --debug buildx build …) and send that too if you can.");
        }
        return Verdict.ok("Error with stack trace.");
    }

    static Verdict debugLog(String text) {
        if (ContentSniffer.DEBUG.matcher(text).find()) {
            return Verdict.ok("Debug log noted.");
        }
        ContentSniffer.Kind kind = ContentSniffer.sniff(text);
        if (kind == ContentSniffer.Kind.DOCKERFILE || kind == ContentSniffer.Kind.VERSIONS) {
            return Verdict.reject("This looks like " + kind.label + ", not daemon logs.");
        }
        return Verdict.warn("These logs have no debug lines (level=debug / DEBU[); was the daemon started with --debug? I kept them.");
    }

    static Verdict bisect(String text) {
        Matcher m = ContentSniffer.BISECT.matcher(text);
        if (m.find()) {
            return Verdict.ok("First bad commit found: " + m.group().substring(0, Math.min(12, m.group().indexOf(' '))) + ".");
        }
        return Verdict.reject("I don't see \"<sha> is the first bad commit\" in that. Paste the end of the bisect output, or skip.");
    }
}
