package dev.buildkitbot.knowledge.embed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;

/**
 * The vectors the build computed for everything shipped in the jar (guide and docs passages, the
 * first-run issue snapshot), so that a fresh data dir embeds nothing before it can answer.
 * See {@link ShippedVectorsBuilder}.
 */
public final class ShippedVectors {
    private static final Logger log = LoggerFactory.getLogger(ShippedVectors.class);
    public static final String RESOURCE = "/dev/buildkitbot/knowledge/shipped/vectors.bin";

    private ShippedVectors() {
    }

    /** The shipped vectors, or none when the build made none (then they are computed on first use). */
    public static VectorFile load() {
        try (InputStream in = ShippedVectors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return VectorFile.empty();
            }
            return VectorFile.read(in);
        } catch (IOException e) {
            log.warn("the shipped vectors are unreadable ({}); they will be computed", e.getMessage());
            return VectorFile.empty();
        }
    }
}
