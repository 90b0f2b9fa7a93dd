package dev.buildkitbot.bot.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.buildkitbot.knowledge.source.SourceSpec;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The knowledge sources of {@code config/sources.yml}: which repositories and paths `sync` refreshes. */
public final class Sources {
    private record File(List<SourceSpec> sources) {
    }

    private Sources() {
    }

    public static List<SourceSpec> load() {
        try (InputStream in = Sources.class.getResourceAsStream("/config/sources.yml")) {
            if (in == null) {
                throw new SettingsException("config/sources.yml is missing from the jar");
            }
            return new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, File.class).sources();
        } catch (IOException | IllegalArgumentException e) {
            throw new SettingsException("config/sources.yml is malformed: " + e.getMessage());
        }
    }
}
