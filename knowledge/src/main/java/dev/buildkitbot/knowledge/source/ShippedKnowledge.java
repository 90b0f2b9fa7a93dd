package dev.buildkitbot.knowledge.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The guide, docs, issue forms and SECURITY.md that ship inside the jar (see the NOTICE beside
 * {@code sources.json}): what the bot knows on a fresh machine before any sync.
 */
public final class ShippedKnowledge {
    private static final String ROOT = "/dev/buildkitbot/knowledge/shipped/";

    private final List<KnowledgeFile> files;
    private final SectionHints hints;
    private final Map<String, String> dates;
    private final String contentHash;

    private ShippedKnowledge(List<KnowledgeFile> files, SectionHints hints, Map<String, String> dates) {
        this.files = List.copyOf(files);
        this.hints = hints;
        this.dates = Map.copyOf(dates);
        this.contentHash = hash(files, hints);
    }

    /** Per repository, the date of the commit the shipped files come from. */
    public Map<String, String> dates() {
        return dates;
    }

    public static ShippedKnowledge load() {
        try (InputStream in = resource("sources.json")) {
            JsonNode manifest = new ObjectMapper().readTree(in);
            List<KnowledgeFile> files = new ArrayList<>();
            Map<String, String> dates = new java.util.LinkedHashMap<>();
            for (JsonNode source : manifest.path("sources")) {
                String repo = source.path("repo").asText();
                dates.put(repo, source.path("date").asText("unknown"));
                for (JsonNode file : source.path("files")) {
                    try (InputStream content = resource(file.path("resource").asText())) {
                        files.add(new KnowledgeFile(repo, file.path("path").asText(), file.path("kind").asText(),
                                new String(content.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                }
            }
            return new ShippedKnowledge(files, SectionHints.load(), dates);
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped knowledge is missing from the jar", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = ShippedKnowledge.class.getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new IOException("resource not found: " + ROOT + name);
        }
        return in;
    }

    public List<KnowledgeFile> files() {
        return files;
    }

    public Optional<KnowledgeFile> file(String repo, String path) {
        return files.stream().filter(f -> f.repo().equals(repo) && f.path().equals(path)).findFirst();
    }

    public KnowledgeFile guide() {
        return files.stream().filter(f -> f.kind().equals("guide")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no guide in the shipped knowledge"));
    }

    /** Changes whenever any shipped file changes: the index is rebuilt when it differs. */
    public String contentHash() {
        return contentHash;
    }

    /** Every indexable section: the guide split at H2, docs pages at H1–H3. */
    public List<Section> sections() {
        return sectionsOf(files);
    }

    static List<Section> sectionsOf(List<KnowledgeFile> files) {
        List<Section> out = new ArrayList<>();
        for (KnowledgeFile f : files) {
            switch (f.kind()) {
                case "guide" -> out.addAll(MarkdownSectionParser.forGuide().parse(f.content(), "guide", f.repo(), f.path()));
                case "docs" -> out.addAll(MarkdownSectionParser.forDocs().parse(f.content(), "docs", f.repo(), f.path()));
                default -> { }
            }
        }
        return out;
    }

    public SectionHints hints() {
        return hints;
    }

    static String hash(List<KnowledgeFile> files, SectionHints hints) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (KnowledgeFile f : files) {
                digest.update((f.repo() + "\0" + f.path() + "\0" + f.kind() + "\0").getBytes(StandardCharsets.UTF_8));
                digest.update(f.content().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            digest.update(hints.raw().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
