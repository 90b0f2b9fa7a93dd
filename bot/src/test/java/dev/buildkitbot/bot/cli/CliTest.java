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
    void badArgumentsAreUsageErrors() {
        assertThat(run("similar", "--data", dir.toString(), "--limit", "0", "x").code()).isEqualTo(2);
        assertThat(run("nonsense").code()).isEqualTo(2);
        assertThat(run("import", "--data", dir.toString(), "--repo", "not a repo", "x").err()).contains("--repo must look like owner/name");
    }
}
