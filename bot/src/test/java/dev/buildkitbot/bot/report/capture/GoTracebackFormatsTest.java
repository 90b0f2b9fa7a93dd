package dev.buildkitbot.bot.report.capture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every form of goroutine dump the Go runtime prints is taken whole (samples: resources/go-tracebacks/README.md). */
class GoTracebackFormatsTest {
    static String sample(String name) {
        try (InputStream in = GoTracebackFormatsTest.class.getResourceAsStream("/go-tracebacks/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @CsvSource({"sigquit-crash.txt, 7", "sigquit-single.txt, 6", "pprof-debug2.txt, 6"})
    void aWholeDumpIsAcceptedWithEveryGoroutineCounted(String file, int goroutines) {
        Verdict verdict = Validators.validate("goroutine-dump", sample(file));
        assertThat(verdict.status()).isEqualTo(Verdict.Status.OK);
        assertThat(verdict.message()).isEqualTo("Goroutine dump with " + goroutines + " goroutines.");
    }

    @Test
    void journalctlsLinePrefixIsNoObstacle() {
        String journal = sample("pprof-debug2.txt").lines().map(l -> "Dec 07 10:14:03 ci-runner-4 buildkitd[812]: " + l)
                .collect(Collectors.joining("\n"));
        assertThat(Validators.validate("goroutine-dump", journal).message()).isEqualTo("Goroutine dump with 6 goroutines.");
    }

    @Test
    void aDumpCutInTheMiddleOfAFrameIsStillCalledCut() {
        String whole = sample("sigquit-crash.txt");
        String cut = whole.substring(0, whole.indexOf("github.com/moby/buildkit/solver.(*sharedOp).Exec(") + "github.com/moby/buildkit/solver.(*sharedOp).Exec(".length());
        Verdict verdict = Validators.validate("goroutine-dump", cut);
        assertThat(verdict.status()).isEqualTo(Verdict.Status.WARN);
        assertThat(verdict.message()).contains("cut off");
        String endsAtHeader = whole.substring(0, whole.indexOf("goroutine 77 ") + "goroutine 77 gp=0xc000683a40 m=nil [IO wait]:".length());
        assertThat(Validators.validate("goroutine-dump", endsAtHeader).message()).contains("cut off");
    }

    @Test
    void aFatalErrorWithItsGoroutinesIsAWholeTrace() {
        String fatal = sample("fatal-concurrent-map-writes.txt");
        assertThat(ContentSniffer.sniff(fatal)).isEqualTo(ContentSniffer.Kind.PANIC);
        Verdict verdict = Validators.validate("error-trace", fatal);
        assertThat(verdict.status()).isEqualTo(Verdict.Status.OK);
        assertThat(verdict.message()).isEqualTo("Panic trace with its goroutines.");
    }

    @Test
    void aPanicWithTheSignalLineIsAWholeTrace() {
        assertThat(Validators.validate("error-trace", sample("panic-nil-pointer.txt")).message()).isEqualTo("Panic trace with its goroutines.");
    }

    @Test
    void aDumpIsNotTakenForAReproducerOrVersions() {
        assertThat(Validators.validate("reproducer", sample("sigquit-crash.txt")).status()).isEqualTo(Verdict.Status.REJECT);
        assertThat(Validators.validate("versions", sample("sigquit-single.txt")).message()).contains("goroutine dump");
    }
}
