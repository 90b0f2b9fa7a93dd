package dev.buildkitbot.knowledge.embed;

import ai.onnxruntime.OrtEnvironment;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class OnnxRuntimeTempDirTest {
    /** A process that loads ONNX Runtime, says where it unpacked it, and ends. */
    public static final class LoadAndExit {
        public static void main(String[] args) {
            OrtEnvironment.getEnvironment();
            OnnxRuntimeTempDir.removeOnExit();
            Path dir = OnnxRuntimeTempDir.current().orElseThrow();
            System.out.println(dir + "\t" + Files.isDirectory(dir));
        }
    }

    @Test
    void theDirectoryOnnxRuntimeUnpacksIntoIsGoneWhenTheProcessEnds() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LoadAndExit.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();

        String[] fields = out.split("\t");
        Path dir = Path.of(fields[0]);
        assertThat(dir.getFileName().toString()).startsWith("onnxruntime-java");
        assertThat(fields[1]).as("it existed while the process ran").isEqualTo("true");
        assertThat(dir).doesNotExist();
    }
}
