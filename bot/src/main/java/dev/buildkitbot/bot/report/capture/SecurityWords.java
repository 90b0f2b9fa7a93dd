package dev.buildkitbot.bot.report.capture;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words with which people describe a vulnerability in a bug report, whatever kind of problem they
 * picked: a CVE or advisory id, "privilege escalation", "container escape", "bypasses the
 * entitlement", a secret that "ends up in the image layer". Specific phrases, not single words: a
 * Dockerfile's {@code --mount=type=secret} or "the build leaks memory" is not a security report.
 */
public final class SecurityWords {
    private static final String SECRET = "(?:secrets?|credentials?|passwords?|tokens?|private keys?|ssh keys?|api keys?)";
    private static final String WHERE = "(?:image|layers?|cache|history|logs?|metadata|registry|provenance|attestations?|output|tarball)";
    private static final List<Pattern> PHRASES = List.of(
            Pattern.compile("\\bcve-\\d{4}-\\d{3,}|\\bghsa-[a-z0-9]{4}-|\\bcve\\b"),
            Pattern.compile("\\bvulnerab(?:le|ility|ilities)\\b"),
            Pattern.compile("\\bsecurity (?:issue|problem|hole|flaw|bug|risk|concern|vulnerability|report)"),
            Pattern.compile("\\bprivilege[sd]? escalation|\\bescalat\\w* (?:\\w+ )?(?:privileges?|to root)"),
            Pattern.compile("\\b(?:container|sandbox|namespace|chroot) (?:escape|breakout)|\\bescap\\w* (?:from )?the (?:container|sandbox|build container)"
                    + "|\\bbreak(?:s|ing)? out of the (?:container|sandbox)"),
            Pattern.compile("\\bremote code execution|\\brce\\b|\\barbitrary (?:code|command)s? (?:execution|exec)|\\bexecutes? arbitrary (?:code|commands?)"),
            Pattern.compile("\\barbitrary file (?:read|write|access|overwrite|creation)|\\b(?:path|directory) traversal|\\bsymlink attack|\\btoctou\\b"),
            Pattern.compile("\\b(?:auth\\w*|entitlements?|security|policy|sandbox|isolation) bypass|\\bbypass(?:es|ed|ing)? (?:the )?(?:auth\\w*|entitlements?|security"
                    + "|policy|policies|sandbox|isolation|network isolation|allow-insecure|--allow)"),
            Pattern.compile("\\bexploit(?:s|ed|able|ing)?\\b"),
            Pattern.compile("\\bexfiltrat"),
            Pattern.compile("\\b" + SECRET + "\\b(?: \\S+){0,5} (?:leak|leaks|leaked|leaking|exposed|is visible|are visible|readable|ends? up|ended up|baked|persisted|written)"
                    + "\\b.{0,60}?\\b" + WHERE + "\\b"),
            Pattern.compile("\\bleak(?:s|ed|ing)? (?:\\S+ ){0,3}" + SECRET + "\\b"),
            Pattern.compile("\\b(?:read|access|see|steal)s? (?:the )?(?:files?|secrets?|data|cache|builds?) of (?:other|another) (?:users?|tenants?|builds?|projects?)"
                    + "|\\b(?:other|another) (?:users?|tenants?)(?:'s?)? (?:secrets?|credentials?|files|builds?)"));

    private SecurityWords() {
    }

    /** The phrase that reads like a vulnerability, as written; empty when none does. */
    public static Optional<String> in(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String plain = text.length() > 20_000 ? text.substring(0, 20_000) : text;
        String collapsed = plain.replaceAll("\\s+", " ");
        String lower = collapsed.toLowerCase(Locale.ROOT);
        // Quoted back as written, where lower-casing kept the length (it nearly always does).
        String shown = lower.length() == collapsed.length() ? collapsed : lower;
        for (Pattern phrase : PHRASES) {
            Matcher m = phrase.matcher(lower);
            if (m.find()) {
                return Optional.of(shown.substring(m.start(), Math.min(m.end(), m.start() + 80)).strip());
            }
        }
        return Optional.empty();
    }
}
