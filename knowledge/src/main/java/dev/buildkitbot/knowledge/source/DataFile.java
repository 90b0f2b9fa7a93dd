package dev.buildkitbot.knowledge.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A text file the jar ships as data (users' words, questions): read whole, or as its content lines. */
public final class DataFile {
    private DataFile() {
    }

    /** The whole resource; a missing one is a broken build, not a user error. */
    public static String text(String resource) {
        try (InputStream in = DataFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource not found: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of {@code text}, stripped, without blank lines and {@code #} comments. */
    public static List<String> contentLines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }
}
