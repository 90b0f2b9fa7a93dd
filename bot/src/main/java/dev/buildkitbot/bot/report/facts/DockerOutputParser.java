package dev.buildkitbot.bot.report.facts;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code docker version} (the server's Engine version and OS/Arch, Docker Desktop from the
 * server line) and {@code docker info} (server version, operating system, architecture, rootless
 * in the security options, the containerd image store).
 */
final class DockerOutputParser {
    private static final Pattern SERVER = Pattern.compile("(?m)^Server:(.*)$");
    private static final Pattern CLIENT = Pattern.compile("(?m)^Client:(.*)$");
    private static final Pattern DEBUG_MODE = Pattern.compile("(?m)^\\s*Debug Mode:\\s+(true|false)");
    private static final Pattern VERSION = Pattern.compile("(?m)^\\s+Version:\\s+(\\d+\\.\\d+\\.\\d+\\S*)");
    private static final Pattern OS_ARCH = Pattern.compile("(?m)^\\s+OS/Arch:\\s+(\\S+)");
    private static final Pattern SERVER_VERSION = Pattern.compile("(?m)^\\s*Server Version:\\s+(\\S+)");
    private static final Pattern OPERATING_SYSTEM = Pattern.compile("(?m)^\\s*Operating System:\\s+(.+?)\\s*$");
    private static final Pattern ARCHITECTURE = Pattern.compile("(?m)^\\s*Architecture:\\s+(\\S+)");
    private static final Pattern OS_TYPE = Pattern.compile("(?m)^\\s*OSType:\\s+(\\S+)");
    private static final Pattern SECURITY = Pattern.compile("(?ms)^\\s*Security Options:\\s*\\n((?:\\s{2,}.*\\n?)+)");
    private static final Pattern CONTAINERD_STORE = Pattern.compile("driver-type:\\s+io\\.containerd\\.snapshotter");
    private static final Pattern STORAGE_DRIVER = Pattern.compile("(?m)^\\s*Storage Driver:\\s+(\\S+)");

    private DockerOutputParser() {
    }

    static SetupFacts parse(String text) {
        SetupFacts facts = SetupFacts.NONE;
        Matcher server = SERVER.matcher(text);
        if (server.find()) {
            // docker version: the client's block comes first and has its own Version and OS/Arch.
            String block = text.substring(server.end());
            String version = Patterns.first(VERSION, block);
            String osArch = Patterns.first(OS_ARCH, block);
            boolean desktop = server.group(1).toLowerCase(Locale.ROOT).contains("docker desktop");
            facts = facts.and(new SetupFacts(null, null, null, null, null, null, null, version, null, null, null, null,
                    desktop ? Boolean.TRUE : null, null, osArch, null, null));
        } else if (CLIENT.matcher(text).find()) {
            // Only the client's part: its version is better than nothing.
            facts = facts.and(new SetupFacts(null, null, null, null, null, null, null, Patterns.first(VERSION, text), null, null, null, null,
                    null, null, null, null, null));
        }
        String serverVersion = Patterns.first(SERVER_VERSION, text);
        String os = Patterns.first(OPERATING_SYSTEM, text);
        if (serverVersion != null || os != null) {
            String arch = Patterns.first(ARCHITECTURE, text);
            String osType = Patterns.first(OS_TYPE, text);
            Matcher security = SECURITY.matcher(text);
            Boolean rootless = security.find() ? security.group(1).contains("rootless") : null;
            Boolean desktop = os != null && os.contains("Docker Desktop") ? Boolean.TRUE : null;
            String storage = Patterns.first(STORAGE_DRIVER, text);
            String snapshotter = CONTAINERD_STORE.matcher(text).find() ? "containerd image store (" + storage + ")" : null;
            // docker info prints the client's Debug Mode first, the server's (dockerd -D) last.
            Matcher debugMode = DEBUG_MODE.matcher(text);
            Boolean debug = null;
            while (debugMode.find()) {
                debug = Boolean.parseBoolean(debugMode.group(1));
            }
            facts = facts.and(new SetupFacts(null, null, null, null, null, null, null, serverVersion, null, null, debug, rootless,
                    desktop, os, arch == null ? null : (osType == null ? "linux" : osType) + "/" + goArch(arch), snapshotter, null));
        }
        return facts;
    }

    /** {@code docker info} prints the kernel's name for the CPU; platforms use Go's. */
    static String goArch(String arch) {
        return switch (arch) {
            case "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            case "armv7l" -> "arm/v7";
            default -> arch;
        };
    }

}
