package dev.buildkitbot.bot.slack;

import dev.buildkitbot.knowledge.Knowledge;
import dev.buildkitbot.knowledge.eval.SyntheticIssues;
import dev.buildkitbot.knowledge.issues.IssueFileReader;
import dev.buildkitbot.knowledge.issues.IssueRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Cold start of {@code run} (a new JVM, HTTP mode) to the first 200 from /healthz, with a 10k-issue
 * index already in the data dir. Prints figures; asserts nothing about time.
 */
@Tag("benchmark")
class ColdStartBenchmark {
    @Test
    void coldStart() throws Exception {
        Path data = Files.createTempDirectory("bench-cold");
        List<IssueRecord> real = new ArrayList<>(IssueFileReader.read(Path.of("..", "..", "shared", "data", "issues-moby-buildkit.jsonl"), null).issues());
        int issues;
        try (Knowledge k = Knowledge.open(data)) {
            k.upsertIssues(real);
            k.upsertIssues(SyntheticIssues.generate(real, 10_000, 7));
            // A data dir a running bot has used: every issue already has its vector.
            k.embedMissingIssueVectors(256, (done, total) -> { });
            issues = k.snapshot().all().size();
        }
        long[] samples = new long[5];
        try (FakeSlackApi api = new FakeSlackApi()) {
            for (int i = 0; i < samples.length; i++) {
                int port;
                try (ServerSocket s = new ServerSocket(0)) {
                    port = s.getLocalPort();
                }
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.buildkitbot.bot.cli.Main", "run")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
                pb.environment().putAll(Map.of("SLACK_BOT_TOKEN", SlackAppHarness.BOT_TOKEN, "SLACK_SIGNING_SECRET", "s",
                        "SLACK_API_URL", api.url(), "PORT", String.valueOf(port), "BUILDKIT_BOT_DATA", data.toString(),
                        "GITHUB_API_URL", "http://127.0.0.1:9/"));
                long t0 = System.nanoTime();
                Process p = pb.start();
                HttpClient http = HttpClient.newHttpClient();
                long ready = -1;
                while (System.nanoTime() - t0 < 60_000_000_000L) {
                    try {
                        if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                            ready = System.nanoTime() - t0;
                            break;
                        }
                    } catch (java.io.IOException notYet) {
                        Thread.sleep(20);
                    }
                }
                p.destroy();
                p.waitFor();
                samples[i] = ready;
            }
        }
        Arrays.sort(samples);
        System.out.printf("cold start of run (new JVM, HTTP mode, %d-issue index) to /healthz 200, 5 runs: median %.2f s, max %.2f s%n",
                issues, samples[2] / 1e9, samples[4] / 1e9);
    }
}
