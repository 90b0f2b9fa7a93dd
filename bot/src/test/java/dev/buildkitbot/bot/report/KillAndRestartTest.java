package dev.buildkitbot.bot.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A real kill -9 of the bot in the middle of a walkthrough: the restarted bot resumes at the same step. */
class KillAndRestartTest {
    @TempDir
    Path data;

    Process console() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A killed process cleans nothing up: what it unpacks (ONNX Runtime's 16 MB of native libraries)
        // goes to this test's own directory, which JUnit removes.
        Path tmp = Files.createDirectories(data.resolve("tmp"));
        return new ProcessBuilder(List.of(java, "-Xmx256m", "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                "dev.buildkitbot.bot.cli.Main", "console", "--data", data.toString(), "--user", "victim"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void sigkillAfterACaptureWasAcceptedLosesNothing() throws Exception {
        Process first = console();
        Writer in = new OutputStreamWriter(first.getOutputStream(), StandardCharsets.UTF_8);
        BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
        in.write("/buildkit-report\nhang\ndocker\ndocker build hangs at the export step forever\nskip\n"
                + "Client:\n Version:           27.3.1\n.\n");
        in.flush();
        CompletableFuture<Boolean> accepted = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.contains("Found: Docker Engine 27.3.1")) {
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(accepted.get(60, TimeUnit.SECONDS)).isTrue();
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isNotZero();

        Process second = console();
        second.getOutputStream().close();
        String resumed = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(resumed).contains("You have a report in progress").contains("Step 4 of 5");
        String session = Files.readString(data.resolve("sessions").resolve("console-victim.json"));
        assertThat(session).contains("27.3.1").contains("docker build hangs at the export step forever");
    }
}
