package dev.buildkitbot.knowledge.issues;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class IssueFileReaderTest {
    @TempDir
    Path dir;

    static String issue(int number, String title, boolean pr) {
        return "{\"url\":\"https://api.github.com/repos/moby/buildkit/issues/" + number + "\","
                + "\"repository_url\":\"https://api.github.com/repos/moby/buildkit\","
                + "\"html_url\":\"https://github.com/moby/buildkit/" + (pr ? "pull/" : "issues/") + number + "\","
                + "\"number\":" + number + ",\"title\":\"" + title + "\",\"user\":{\"login\":\"someone\"},"
                + "\"labels\":[{\"name\":\"kind/bug\"}],\"state\":\"closed\",\"state_reason\":\"completed\",\"comments\":3,"
                + "\"created_at\":\"2024-01-02T03:04:05Z\",\"updated_at\":\"2024-02-02T03:04:05Z\",\"closed_at\":null,"
                + "\"body\":\"body of " + number + "\"" + (pr ? ",\"pull_request\":{\"url\":\"x\"}" : "") + "}";
    }

    @Test
    void readsJsonLinesReportingBadLinesByNumberAndKeepingTheRest() throws Exception {
        Path file = dir.resolve("issues.jsonl");
        Files.writeString(file, issue(1, "first", false) + "\n{not json\n\n" + issue(2, "second", true) + "\n{\"title\":\"no number\"}\n");

        IssueFileReader.Result result = IssueFileReader.read(file, null);

        assertThat(result.issues()).extracting(IssueRecord::number).containsExactly(1, 2);
        assertThat(result.problems()).extracting(IssueFileReader.Problem::line).containsExactly(2, 5);
        assertThat(result.problems().get(0).reason()).startsWith("malformed JSON");
        IssueRecord first = result.issues().get(0);
        assertThat(first.repo()).isEqualTo("moby/buildkit");
        assertThat(first.labels()).containsExactly("kind/bug");
        assertThat(first.author()).isEqualTo("someone");
        assertThat(first.state()).isEqualTo("closed");
        assertThat(first.stateReason()).isEqualTo("completed");
        assertThat(first.comments()).isEqualTo(3);
        assertThat(first.updatedAt()).hasToString("2024-02-02T03:04:05Z");
        assertThat(first.pullRequest()).isFalse();
        assertThat(result.issues().get(1).pullRequest()).isTrue();
    }

    @Test
    void readsAJsonArrayPageAndHonoursARepoOverride() throws Exception {
        Path file = dir.resolve("page.json");
        Files.writeString(file, "[" + issue(7, "a", false) + ",\n" + issue(8, "b", false) + "]");

        IssueFileReader.Result result = IssueFileReader.read(file, "docker/buildx");

        assertThat(result.problems()).isEmpty();
        assertThat(result.issues()).extracting(IssueRecord::key).containsExactly("docker/buildx#7", "docker/buildx#8");
    }

    @Test
    void aBrokenArrayIsOneProblemNotACrash() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "[" + issue(7, "a", false) + ",\n{oops");

        IssueFileReader.Result result = IssueFileReader.read(file, null);

        assertThat(result.issues()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(2));
    }

    @Test
    void invalidUtf8IsReplacedNotFatal() throws Exception {
        Path file = dir.resolve("bytes.jsonl");
        byte[] line = issue(3, "cafX", false).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int x = new String(line, java.nio.charset.StandardCharsets.UTF_8).indexOf("cafX") + 3;
        line[x] = (byte) 0xC3; // a lone lead byte: invalid UTF-8

        Files.write(file, line);
        IssueFileReader.Result result = IssueFileReader.read(file, null);

        assertThat(result.problems()).isEmpty();
        assertThat(result.issues()).extracting(IssueRecord::title).containsExactly("caf\uFFFD");
    }
}
