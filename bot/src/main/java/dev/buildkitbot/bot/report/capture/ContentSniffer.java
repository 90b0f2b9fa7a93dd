package dev.buildkitbot.bot.report.capture;

import java.util.regex.Pattern;

/** Recognises what a paste is, so a wrong one can be named ("this looks like a Dockerfile"). */
public final class ContentSniffer {
    public enum Kind {
        GOROUTINE_DUMP("a goroutine dump"), PANIC("a panic trace"), DEBUG_LOG("a debug log"), VERSIONS("version output"),
        BISECT("a git bisect result"), DOCKERFILE("a Dockerfile"), ERROR("an error message"), OTHER("text");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * A goroutine's header in every form Go's runtime prints ({@code goroutineheader} in
     * runtime/traceback.go): {@code goroutine 18 [chan receive, 13 minutes]:}, and with
     * GOTRACEBACK=system/crash or on the goroutine that threw, {@code goroutine 1 gp=0xc000002380
     * m=nil [select]:} or {@code goroutine 0 gp=0x… m=0 mp=0x… [idle]:}. journalctl's line prefix
     * ({@code Dec 07 10:00:00 host buildkitd[812]: }) is allowed: the guide sends people there.
     */
    static final Pattern GOROUTINE_HEADER = Pattern.compile(
            "(?m)^(?:[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\S+ [^\\s:]+: )?goroutine \\d+(?: gp=0x[0-9a-f]+)?(?: m=(?:nil|\\d+))?(?: mp=0x[0-9a-f]+)? \\[[^\\]\\n]+]:\\s*$");
    static final Pattern PANIC = Pattern.compile("(?m)^(panic: |fatal error: )");
    static final Pattern DEBUG = Pattern.compile("level=debug|DEBU\\[|\\bDEBUG\\b|\"level\":\"debug\"");
    static final Pattern VERSION = Pattern.compile("(?im)(github\\.com/(moby/buildkit|docker/buildx)\\s+v\\d+\\.\\d+|BuildKit version:|^\\s*Version:\\s+\\d+\\.\\d+|^BuildKit:\\s)");
    static final Pattern BISECT = Pattern.compile("(?m)^[0-9a-f]{7,40} is the first bad commit");
    static final Pattern DOCKERFILE = Pattern.compile("(?im)^\\s*FROM\\s+\\S+");
    static final Pattern DOCKERFILE_INSTR = Pattern.compile("(?im)^\\s*(RUN|COPY|ADD|WORKDIR|ENV|ARG|CMD|ENTRYPOINT)\\s");
    static final Pattern ERROR = Pattern.compile("(?im)(^error:|^ERROR:?|failed to solve|rpc error|\\bexit code: \\d+|level=error)");

    private ContentSniffer() {
    }

    public static Kind sniff(String text) {
        if (text == null || text.isBlank()) {
            return Kind.OTHER;
        }
        if (BISECT.matcher(text).find()) {
            return Kind.BISECT;
        }
        if (PANIC.matcher(text).find()) {
            return Kind.PANIC;
        }
        if (GOROUTINE_HEADER.matcher(text).find()) {
            return Kind.GOROUTINE_DUMP;
        }
        if (DEBUG.matcher(text).find()) {
            return Kind.DEBUG_LOG;
        }
        if (VERSION.matcher(text).find()) {
            return Kind.VERSIONS;
        }
        if (DOCKERFILE.matcher(text).find() && DOCKERFILE_INSTR.matcher(text).find()) {
            return Kind.DOCKERFILE;
        }
        if (ERROR.matcher(text).find()) {
            return Kind.ERROR;
        }
        return Kind.OTHER;
    }
}
