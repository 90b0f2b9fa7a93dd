package dev.buildkitbot.knowledge.issues;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildkitbot.knowledge.io.AtomicFiles;
import dev.buildkitbot.knowledge.similar.NoiseStripper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The moby/buildkit and docker/buildx issues shipped in the jar (see the NOTICE beside them): what a
 * fresh data dir searches before its first sync, so duplicate checks work on the first run. One
 * gzipped JSON Lines file: a header line (source, and per repository the date the issues are as of),
 * then one issue per line with the start of its description, noise stripped.
 */
public record ShippedIssues(String source, Map<String, Instant> asOf, List<IssueRecord> issues) {
    public static final String RESOURCE = "/dev/buildkitbot/knowledge/shipped/issues.jsonl.gz";
    /** Enough of a description to match it; the index reads no further than the first screens anyway. */
    static final int BODY_CHARS = 6_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public ShippedIssues {
        asOf = Map.copyOf(asOf);
        issues = List.copyOf(issues);
    }

    public static ShippedIssues none() {
        return new ShippedIssues("", Map.of(), List.of());
    }

    public static ShippedIssues load() {
        try (InputStream raw = ShippedIssues.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                return none();
            }
            return read(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped issue snapshot is unreadable: " + e.getMessage(), e);
        }
    }

    static ShippedIssues read(InputStream raw) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
        JsonNode header = MAPPER.readTree(in.readLine());
        Map<String, Instant> asOf = new LinkedHashMap<>();
        header.path("asOf").fields().forEachRemaining(e -> asOf.put(e.getKey(), Instant.parse(e.getValue().asText())));
        List<IssueRecord> issues = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.isBlank()) {
                issues.add(IssueSnapshot.fromJson(line));
            }
        }
        return new ShippedIssues(header.path("source").asText(), asOf, issues);
    }

    /**
     * Writes {@code issues} as a shipped snapshot (what {@code export-issues} does before a release):
     * descriptions noise-stripped and cut to {@link #BODY_CHARS}, authors left out.
     */
    public static void write(Path file, String source, Collection<IssueRecord> issues) throws IOException {
        Map<String, Instant> asOf = new TreeMap<>();
        for (IssueRecord i : issues) {
            if (i.updatedAt() != null) {
                asOf.merge(i.repo(), i.updatedAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        AtomicFiles.write(file, raw -> {
            OutputStream out = new GZIPOutputStream(raw);
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("source", source);
            Map<String, String> dates = new TreeMap<>();
            asOf.forEach((repo, when) -> dates.put(repo, when.toString()));
            header.put("asOf", dates);
            out.write(MAPPER.writeValueAsBytes(header));
            out.write('\n');
            for (IssueRecord i : issues.stream().sorted(Comparator.comparing(IssueRecord::repo).thenComparingInt(IssueRecord::number)).toList()) {
                String body = NoiseStripper.strip(i.body());
                if (body.length() > BODY_CHARS) {
                    body = body.substring(0, BODY_CHARS);
                }
                IssueRecord slim = new IssueRecord(i.repo(), i.number(), i.title(), body, i.state(), i.stateReason(), i.labels(),
                        null, i.createdAt(), i.updatedAt(), i.closedAt(), i.comments(), i.htmlUrl(), i.pullRequest());
                out.write(IssueSnapshot.toJson(slim));
                out.write('\n');
            }
            out.flush();
            ((GZIPOutputStream) out).finish();
        });
    }
}
