package dev.buildkitbot.bot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {
    static final Path SHARED = Path.of("..", "..", "shared", "data");

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void askJsonFollowsTheContractOnAFreshDataDir() throws Exception {
        Run r = run("ask", "--data", dir.resolve("data").toString(), "--json", "how do I get a stack trace when buildkitd hangs");

        assertThat(r.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        List<String> top = new ArrayList<>();
        json.fieldNames().forEachRemaining(top::add);
        assertThat(top).containsExactly("answers", "issues");
        JsonNode first = json.get("answers").get(0);
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).contains("source", "anchor", "path", "title", "url", "score", "snippet");
        assertThat(first.get("source").asText()).isEqualTo("guide");
        assertThat(first.get("anchor").asText()).isEqualTo("reporting-deadlock");
        assertThat(first.get("score").isNumber()).isTrue();
        assertThat(json.get("issues").isArray()).isTrue();
    }

    @Test
    void offTopicGetsAnEmptyAnswerList() throws Exception {
        Run r = run("ask", "--data", dir.toString(), "--json", "best banana bread recipe");
        assertThat(new ObjectMapper().readTree(r.out()).get("answers")).isEmpty();
        Run human = run("ask", "--data", dir.toString(), "best banana bread recipe");
        assertThat(human.out()).contains("No section of the guide or the docs answers that");
    }

    @Test
    void aDataDirThatIsAFileIsOneClearLine() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        Run r = run("ask", "--data", file.toString(), "anything");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: data dir " + file + " is not a directory");
    }

    @Test
    void aCorruptIndexIsRebuiltFromTheShippedKnowledgeAndTheSnapshot() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path issues = Files.writeString(dir.resolve("i.jsonl"), "{\"number\":7,\"title\":\"buildkitd panics in solver edge unpark\","
                + "\"repository_url\":\"https://api.github.com/repos/moby/buildkit\",\"state\":\"open\",\"body\":\"\"}\n");
        assertThat(run("import", "--data", data.toString(), issues.toString()).code()).isZero();
        try (Stream<Path> files = Files.list(data.resolve("index"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(f, new byte[]{1, 2, 3});
            }
        }

        Run r = run("similar", "--data", data.toString(), "--json", "panics in solver edge unpark");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"number\":7");
        assertThat(run("ask", "--data", data.toString(), "--json", "how do I report a security issue").out()).contains("security-issues");
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("index.corrupt-"));
        }
    }

    @Test
    void importReportsBadLinesAndSimilarFollowsItsContract() throws Exception {
        Path data = dir.resolve("data");
        Run imported = run("import", "--data", data.toString(), SHARED.resolve("issues-docker-buildx.jsonl").toString());
        assertThat(imported.code()).isZero();
        assertThat(imported.out()).contains("imported 565");

        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{oops\n");
        Run broken = run("import", "--data", data.toString(), bad.toString());
        assertThat(broken.code()).isEqualTo(3);
        assertThat(broken.err()).contains("line 1: malformed JSON");

        Run similar = run("similar", "--data", data.toString(), "--json", "--limit", "3",
                "qemu: uncaught target signal 11 (Segmentation fault) - core dumped");
        JsonNode matches = new ObjectMapper().readTree(similar.out()).get("matches");
        assertThat(matches).hasSizeBetween(1, 3);
        List<String> fields = new ArrayList<>();
        matches.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("repo", "number", "title", "state", "url", "score", "confidence", "why");
        assertThat(matches.get(0).get("repo").asText()).isEqualTo("docker/buildx");
        assertThat(matches.get(0).get("title").asText()).contains("qemu: uncaught target signal 11");
    }

    @Test
    void aFreshDataDirFindsRealIssuesAndSaysHowFreshTheyAre() throws Exception {
        Path data = dir.resolve("fresh");
        Run human = run("similar", "--data", data.toString(), "failed to compute cache key: not found");
        assertThat(human.code()).isZero();
        assertThat(human.out()).contains("moby/buildkit#").contains("Issues: docker/buildx as of 2026-09-17, moby/buildkit as of 2026-09-21");
        JsonNode matches = new ObjectMapper().readTree(run("similar", "--data", data.toString(), "--json",
                "failed to compute cache key: not found").out()).get("matches");
        assertThat(matches).isNotEmpty();
        assertThat(matches.get(0).get("repo").asText()).isEqualTo("moby/buildkit");
        assertThat(run("ask", "--data", data.toString(), "how do I get a stack trace when buildkitd hangs").out())
                .contains("Knowledge: docs: ").contains("; issues: docker/buildx as of 2026-09-17");
    }

    @Test
    void importMakesIssuesSearchableThenComputesTheirVectorsWithProgress() throws Exception {
        Path data = dir.resolve("data");
        Path issues = Files.writeString(dir.resolve("new.jsonl"), "{\"number\":900001,\"title\":\"buildkitd wedged after parallel bake runs\","
                + "\"repository_url\":\"https://api.github.com/repos/moby/buildkit\",\"state\":\"open\",\"body\":\"everything stops\"}\n");
        String query = "buildkitd wedged after parallel bake runs";
        Run later = run("import", "--data", data.toString(), "--no-embed", issues.toString());
        assertThat(later.code()).isZero();
        assertThat(later.out()).contains("imported 1").doesNotContain("vectors");
        // Found by its words at once, not yet by meaning.
        assertThat(similarWhy(data, query, 900001)).startsWith("same words").doesNotContain("similar meaning");

        Run now = run("import", "--data", data.toString(), issues.toString());
        assertThat(now.out()).contains("searchable by words now; computing vectors of 1 issues").contains("vectors: 1/1");
        assertThat(similarWhy(data, query, 900001)).contains("similar meaning");
        assertThat(run("import", "--data", data.toString(), issues.toString()).out()).as("nothing left to compute").doesNotContain("vectors");
    }

    static String similarWhy(Path data, String query, int number) throws Exception {
        for (JsonNode m : new ObjectMapper().readTree(run("similar", "--data", data.toString(), "--json", query).out()).get("matches")) {
            if (m.get("number").asInt() == number) {
                return m.get("why").asText();
            }
        }
        return "(not found)";
    }

    @Test
    void exportIssuesWritesASnapshotTheJarCanShip() throws Exception {
        Path data = dir.resolve("data");
        assertThat(run("import", "--data", data.toString(), "--no-embed", SHARED.resolve("issues-docker-buildx.jsonl").toString()).code()).isZero();
        Path out = dir.resolve("issues.jsonl.gz");
        Run r = run("export-issues", "--data", data.toString(), "--out", out.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("wrote ").contains("docker/buildx as of 2026-09-17");
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(out))) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text.lines().findFirst().orElseThrow()).contains("\"asOf\"").contains("docker/buildx");
            assertThat(text).contains("\"number\":1169").doesNotContain("\"author\":\"");
        }
    }

    @Test
    void evalDuplicatesReadsWholeReportsOrTheirTitlesAlone() throws Exception {
        Path pairs = dir.resolve("pairs.jsonl");
        Files.writeString(pairs, "{\"title\": \"zzqx plorf\", \"body\": \"Cache manifest lists can't be exported to gcr\", "
                + "\"original_repo\": \"moby/buildkit\", \"original\": 1143}\n");
        Path data = dir.resolve("data");

        Run whole = run("eval-duplicates", "--data", data.toString(), pairs.toString());
        Run titles = run("eval-duplicates", "--data", data.toString(), "--title-only", pairs.toString());

        assertThat(whole.code()).isZero();
        assertThat(whole.out()).containsPattern("similar \\(hybrid\\) +pairs=1 +R@1=1.00");
        assertThat(titles.out()).containsPattern("similar \\(hybrid\\) +pairs=1 +R@1=0.00 R@5=0.00 R@10=0.00");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThat(run("similar", "--data", dir.toString(), "--limit", "0", "x").code()).isEqualTo(2);
        assertThat(run("nonsense").code()).isEqualTo(2);
        assertThat(run("import", "--data", dir.toString(), "--repo", "not a repo", "x").err()).contains("--repo must look like owner/name");
    }
}
