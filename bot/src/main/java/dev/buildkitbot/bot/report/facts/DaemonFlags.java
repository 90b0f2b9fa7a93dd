package dev.buildkitbot.bot.report.facts;

import java.util.List;

/** What buildkitd's command-line flags say: its debug address and whether it logs at debug level. */
final class DaemonFlags {
    private DaemonFlags() {
    }

    /** {@code --debugaddr=127.0.0.1:6060} or {@code --debugaddr 127.0.0.1:6060}; null without one. */
    static String debugAddress(List<String> flags) {
        for (int i = 0; i < flags.size(); i++) {
            String f = unquote(flags.get(i));
            if (f.startsWith("--debugaddr=")) {
                return unquote(f.substring("--debugaddr=".length()));
            }
            if (f.equals("--debugaddr") && i + 1 < flags.size()) {
                return unquote(flags.get(i + 1));
            }
        }
        return null;
    }

    static Boolean debug(List<String> flags) {
        return flags.stream().map(DaemonFlags::unquote).anyMatch(f -> f.equals("--debug") || f.equals("--debug=true") || f.equals("-D"));
    }

    private static String unquote(String s) {
        return s.replaceAll("^['\"]|['\"]$", "");
    }
}
