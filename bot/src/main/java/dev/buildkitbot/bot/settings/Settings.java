package dev.buildkitbot.bot.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Everything the Slack app is configured with, read once at start from the environment (and the
 * defaults in {@code config/defaults.properties}). Each problem is reported as one line naming
 * the variable.
 *
 * @param botToken      SLACK_BOT_TOKEN (xoxb-…), or null when Slack is not configured
 * @param signingSecret SLACK_SIGNING_SECRET, needed in HTTP mode
 * @param appToken      SLACK_APP_TOKEN (xapp-…): Socket Mode when set
 * @param apiUrl        SLACK_API_URL, the Web API base ending in "/"
 */
public record Settings(String botToken, String signingSecret, String appToken, String apiUrl, int port, Path dataDir,
                       Set<String> channels, Set<String> maintainers, String maintainerGroup, String githubToken, String githubApiUrl,
                       Duration syncInterval, List<String> syncRepos, double hintConfidence, Duration hintCooldown,
                       int workers, boolean vectors) {

    public enum Mode { NOT_CONFIGURED, SOCKET, HTTP }

    public Mode mode() {
        if (botToken == null) {
            return Mode.NOT_CONFIGURED;
        }
        return appToken != null ? Mode.SOCKET : Mode.HTTP;
    }

    public static Settings load(Map<String, String> env) {
        Properties defaults = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/config/defaults.properties")) {
            if (in != null) {
                defaults.load(in);
            }
        } catch (IOException e) {
            throw new SettingsException("cannot read the built-in config/defaults.properties: " + e.getMessage());
        }
        String file = blankToNull(env.get("BUILDKIT_BOT_CONFIG"));
        if (file != null) {
            try (Reader in = Files.newBufferedReader(Path.of(file))) {
                defaults.load(in);
            } catch (IOException e) {
                throw new SettingsException("BUILDKIT_BOT_CONFIG: cannot read " + file + ": " + e.getMessage());
            }
        }
        return from(env, defaults);
    }

    static Settings from(Map<String, String> env, Properties defaults) {
        String bot = blankToNull(env.get("SLACK_BOT_TOKEN"));
        String secret = blankToNull(env.get("SLACK_SIGNING_SECRET"));
        String app = blankToNull(env.get("SLACK_APP_TOKEN"));
        if (bot == null && (secret != null || app != null)) {
            throw new SettingsException("SLACK_BOT_TOKEN is not set (a bot token, xoxb-…), but other Slack settings are");
        }
        if (bot != null && !bot.startsWith("xoxb-")) {
            throw new SettingsException("SLACK_BOT_TOKEN must be a bot token starting with xoxb-");
        }
        if (app != null && !app.startsWith("xapp-")) {
            throw new SettingsException("SLACK_APP_TOKEN must be an app-level token starting with xapp- (Socket Mode)");
        }
        if (bot != null && app == null && secret == null) {
            throw new SettingsException("SLACK_SIGNING_SECRET is not set: HTTP mode needs it to verify requests "
                    + "(or set SLACK_APP_TOKEN for Socket Mode)");
        }
        String apiUrl = env.getOrDefault("SLACK_API_URL", "https://slack.com/api/").strip();
        if (!isHttpUrl(apiUrl)) {
            throw new SettingsException("SLACK_API_URL must be an http(s) URL, got: " + apiUrl);
        }
        String githubApi = env.getOrDefault("GITHUB_API_URL", "https://api.github.com/").strip();
        if (!isHttpUrl(githubApi)) {
            throw new SettingsException("GITHUB_API_URL must be an http(s) URL, got: " + githubApi);
        }
        int port = integer(env, defaults, "PORT", "port", "3000", 1, 65_535);
        Path data = Path.of(env.getOrDefault("BUILDKIT_BOT_DATA", "data"));
        Set<String> channels = ids(env.get("BUILDKIT_BOT_CHANNELS"), "BUILDKIT_BOT_CHANNELS", "[CG][A-Z0-9]{2,}", "channel IDs such as C0123ABCD");
        Set<String> maintainers = ids(env.get("BUILDKIT_BOT_MAINTAINERS"), "BUILDKIT_BOT_MAINTAINERS", "[UW][A-Z0-9]{2,}", "user IDs such as U0123ABCD");
        double confidence = decimal(defaults.getProperty("hint.confidence", "0.65"), "hint.confidence");
        List<String> repos = Arrays.stream(defaults.getProperty("sync.repos", "moby/buildkit,docker/buildx").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String repo : repos) {
            if (!repo.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
                throw new SettingsException("sync.repos: not owner/name: " + repo);
            }
        }
        String group = blankToNull(env.get("BUILDKIT_BOT_MAINTAINER_GROUP"));
        if (group != null && !group.matches("@?[a-z0-9._-]+")) {
            throw new SettingsException("BUILDKIT_BOT_MAINTAINER_GROUP must be a user group handle such as buildkit-maintainers, got: " + group);
        }
        return new Settings(bot, secret, app, apiUrl.endsWith("/") ? apiUrl : apiUrl + "/", port, data, channels,
                maintainers, group == null ? null : group.replaceFirst("^@", ""), blankToNull(env.get("GITHUB_TOKEN")), githubApi,
                duration(defaults.getProperty("sync.interval", "PT15M"), "sync.interval"), repos, confidence,
                duration(defaults.getProperty("hint.user-cooldown", "PT10M"), "hint.user-cooldown"),
                integer(Map.of(), defaults, "workers", "workers", "4", 1, 64), vectors(env));
    }

    /** BUILDKIT_BOT_VECTORS=off: search by words only, no embedding model loaded. */
    public static boolean vectors(Map<String, String> env) {
        String v = blankToNull(env.get("BUILDKIT_BOT_VECTORS"));
        if (v == null || v.equalsIgnoreCase("on") || v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("off") || v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new SettingsException("BUILDKIT_BOT_VECTORS must be on or off, got: " + v);
    }

    /** How the data dir is opened: with or without the embedding model. */
    public dev.buildkitbot.knowledge.Knowledge.Options knowledgeOptions() {
        var options = dev.buildkitbot.knowledge.Knowledge.Options.defaults();
        return vectors ? options : options.lexicalOnly();
    }

    private static boolean isHttpUrl(String s) {
        try {
            URI uri = URI.create(s);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Set<String> ids(String raw, String name, String pattern, String what) {
        Set<String> out = new LinkedHashSet<>();
        if (raw == null || raw.isBlank()) {
            return Set.of();
        }
        for (String part : raw.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!part.matches(pattern)) {
                throw new SettingsException(name + " must be a comma-separated list of " + what + "; got: " + part);
            }
            out.add(part);
        }
        return Set.copyOf(out);
    }

    private static int integer(Map<String, String> env, Properties defaults, String envName, String key, String fallback, int min, int max) {
        String raw = env.containsKey(envName) ? env.get(envName) : defaults.getProperty(key, fallback);
        try {
            int v = Integer.parseInt(raw.strip());
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new SettingsException((env.containsKey(envName) ? envName : key) + " must be a number from " + min + " to " + max + ", got: " + raw);
        }
    }

    private static double decimal(String raw, String key) {
        try {
            double v = Double.parseDouble(raw.strip());
            if (v < 0 || v > 1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new SettingsException(key + " must be a number from 0 to 1, got: " + raw);
        }
    }

    private static Duration duration(String raw, String key) {
        String s = raw.strip();
        try {
            return s.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(s)) : Duration.parse(s);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new SettingsException(key + " must be a duration such as PT15M or a number of seconds, got: " + raw);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Never print tokens: this is what logs may show. */
    @Override
    public String toString() {
        return "Settings[mode=" + mode() + ", apiUrl=" + apiUrl + ", port=" + port + ", dataDir=" + dataDir
                + ", channels=" + channels + ", maintainers=" + maintainers.size() + ", github=" + (githubToken == null ? "anonymous" : "token")
                + ", syncInterval=" + syncInterval + ", vectors=" + (vectors ? "on" : "off") + "]";
    }
}
