package dev.buildkitbot.bot.report.facts;

/**
 * Everything a paste tells about the reporter's setup, whichever of the version commands produced
 * it (users paste several outputs at once): buildx inspect, docker version/info, buildctl/buildkitd.
 */
public final class SetupParser {
    private SetupParser() {
    }

    public static SetupFacts parse(String text) {
        if (text == null || text.isBlank()) {
            return SetupFacts.NONE;
        }
        // Standalone tools first: buildx inspect's node section is more specific about the daemon.
        return BuildctlOutputParser.parse(text)
                .and(DockerOutputParser.parse(text))
                .and(BuildxInspectParser.parse(text));
    }
}
