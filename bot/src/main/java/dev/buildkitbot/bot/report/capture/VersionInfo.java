package dev.buildkitbot.bot.report.capture;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The versions found in pasted version output (buildctl, buildkitd, buildx, docker). */
public record VersionInfo(Map<String, String> versions) {
    private static final Pattern BUILDKIT = Pattern.compile("(?m)(?:github\\.com/moby/buildkit\\s+|BuildKit version:\\s*|^BuildKit:\\s+github\\.com/moby/buildkit\\s+)(v\\d+\\.\\d+\\.\\d+[\\w.+-]*)");
    private static final Pattern BUILDX = Pattern.compile("github\\.com/docker/buildx\\s+(v\\d+\\.\\d+\\.\\d+[\\w.+-]*)");
    private static final Pattern DOCKER = Pattern.compile("(?m)^\\s*(?:Server(?: Version)?:.*?\\n(?:.*\\n)*?)?\\s*Version:\\s+(\\d+\\.\\d+\\.\\d+[\\w.+-]*)");
    private static final Pattern DRIVER = Pattern.compile("(?m)^\\s*Driver:\\s+(\\S+)");

    public static VersionInfo parse(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        find(BUILDKIT, text).ifPresent(v -> found.put("buildkit", v));
        find(BUILDX, text).ifPresent(v -> found.put("buildx", v));
        find(DOCKER, text).ifPresent(v -> found.put("docker", v));
        find(DRIVER, text).ifPresent(v -> found.put("driver", v));
        return new VersionInfo(Map.copyOf(found));
    }

    private static Optional<String> find(Pattern p, String text) {
        Matcher m = p.matcher(text == null ? "" : text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public boolean isEmpty() {
        return versions.isEmpty();
    }

    /** The version a regression title names: BuildKit's, else Buildx's, else Docker's. */
    public Optional<String> headline() {
        for (String key : new String[]{"buildkit", "buildx", "docker"}) {
            if (versions.containsKey(key)) {
                String v = versions.get(key);
                return Optional.of(v.startsWith("v") ? v : "v" + v);
            }
        }
        return Optional.empty();
    }

    public String describe() {
        StringBuilder sb = new StringBuilder();
        versions.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(v));
        return sb.toString();
    }
}
