package dev.buildkitbot.knowledge.embed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Removes the directory ONNX Runtime unpacks its native libraries into, when the process ends.
 * ONNX Runtime 1.20 asks the JVM to delete that directory on exit before the libraries in it (the JVM
 * deletes in reverse order of asking), so the directory is still full when its turn comes and every
 * process leaves an empty {@code /tmp/onnxruntime-java*} behind. A shutdown hook runs before the
 * JVM's own deletions; the libraries are already loaded, and Linux and macOS let loaded files go.
 * The directory is a private field of ONNX Runtime: when a version has none, this does nothing.
 */
final class OnnxRuntimeTempDir {
    private OnnxRuntimeTempDir() {
    }

    /** Registers the clean-up once per process (the holder's class initialisation runs once). */
    static void removeOnExit() {
        Holder.touch();
    }

    /** The directory ONNX Runtime unpacked into, if it did and this version names it where we look. */
    static Optional<Path> current() {
        try {
            var field = Class.forName("ai.onnxruntime.OnnxRuntime").getDeclaredField("tempDirectory");
            field.setAccessible(true);
            return Optional.ofNullable(field.get(null)).filter(Path.class::isInstance).map(Path.class::cast);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> f.toFile().delete());
        } catch (IOException | RuntimeException e) {
            return; // gone already, or not ours to list: the JVM's own deletion still runs after this
        }
        dir.toFile().delete();
    }

    private static final class Holder {
        static {
            current().ifPresent(dir -> Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "onnxruntime-temp-cleanup")));
        }

        static void touch() {
        }
    }
}
