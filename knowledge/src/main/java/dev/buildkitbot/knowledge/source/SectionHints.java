package dev.buildkitbot.knowledge.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Users' words for guide sections ({@code source-hints.txt}): "CVE" for "Security issues", "stuck"
 * for "Reporting deadlock". A curated list, kept as data beside the shipped knowledge.
 */
public record SectionHints(Map<String, String> byAnchor, String raw) {
    private static final String RESOURCE = "/dev/buildkitbot/knowledge/source-hints.txt";

    public static SectionHints load() {
        try (InputStream in = SectionHints.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("resource not found: " + RESOURCE);
            }
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> byAnchor = new LinkedHashMap<>();
            for (String line : raw.split("\n")) {
                String s = line.strip();
                int colon = s.indexOf(':');
                if (s.isEmpty() || s.startsWith("#") || colon < 0) {
                    continue;
                }
                byAnchor.put(s.substring(0, colon).strip(), s.substring(colon + 1).strip());
            }
            return new SectionHints(Map.copyOf(byAnchor), raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String forSection(Section section) {
        return "guide".equals(section.source()) ? byAnchor.getOrDefault(section.anchor(), "") : "";
    }
}
