package dev.buildkitbot.knowledge.similar;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorSignaturesTest {
    @Test
    void theSameErrorInTwoReportsReadsTheSame() {
        var a = ErrorSignatures.extract("#12 0.345 ERROR: failed to compute cache key: \"/app/a.txt\" not found: not found");
        var b = ErrorSignatures.extract("#3 12.001 ERROR: failed to compute cache key: \"/src/b\" not found: not found");
        assertThat(a).isNotEmpty().isEqualTo(b);
    }

    @Test
    void exitCodesAndRpcCodesAreKeptNumbersAndDigestsAreNot() {
        var sigs = ErrorSignatures.extract("""
                ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 137
                error: failed to solve: rpc error: code = Unknown desc = failed commit on ref sha256:c2aba47e903ef19d459785c7e5750ef7da0f6f86657d9b40c329d5268dfe2185: unexpected status: 401 Unauthorized
                """);
        assertThat(String.join("\n", sigs)).contains("exit code: 137").contains("code = unknown").doesNotContain("c2aba47e903e");
    }

    @Test
    void aPanicGivesItsMessageAndFirstProjectFrame() {
        var sigs = ErrorSignatures.extract("""
                panic: runtime error: invalid memory address or nil pointer dereference
                goroutine 1 [running]:
                runtime.foo()
                github.com/moby/buildkit/solver.(*edge).unpark(0xc0001)
                """);
        assertThat(sigs).containsExactly("panic at github.com/moby/buildkit/solver.(*edge).unpark");
    }

    /** Go's runtime messages name no bug: the same line ends reports of unrelated crashes. */
    @Test
    void goRuntimeMessagesAreNotSignaturesButBuildKitsOwnPanicsAre() {
        for (String generic : new String[]{
                "panic: runtime error: invalid memory address or nil pointer dereference",
                "panic: runtime error: index out of range [3] with length 3",
                "panic: runtime error: slice bounds out of range [:12] with capacity 8",
                "fatal error: concurrent map writes",
                "fatal error: concurrent map read and map write",
                "fatal error: all goroutines are asleep - deadlock!",
                "panic: assignment to entry in nil map",
                "panic: send on closed channel",
                "panic: interface conversion: interface {} is nil, not string",
                "panic: sync: negative WaitGroup counter",
                "fatal error: runtime: out of memory"}) {
            assertThat(ErrorSignatures.extract(generic)).as(generic).isEmpty();
        }
        assertThat(ErrorSignatures.extract("panic: failed to get edge: inconsistent graph state"))
                .containsExactly("panic: failed to get edge: inconsistent graph state");
    }

    @Test
    void aFatalErrorIsKnownByItsFirstBuildKitFrame() {
        var sigs = ErrorSignatures.extract("""
                fatal error: concurrent map writes

                goroutine 2311 gp=0xc001c4e380 m=7 mp=0xc000580008 [running]:
                internal/runtime/maps.fatal({0x1f4a3c2?, 0xc0016b7a88?})
                	/usr/local/go/src/runtime/panic.go:1058 +0x18
                github.com/moby/buildkit/cache.(*cacheManager).getRecord(0xc0002c2a00, {0x24d6d28, 0xc001e50f90})
                	/src/cache/manager.go:561 +0x2b1
                """);
        assertThat(sigs).containsExactly("panic at github.com/moby/buildkit/cache.(*cachemanager).getrecord");
    }

    @Test
    void noiseIsStripped() {
        String clean = NoiseStripper.strip("<!-- template -->\n- [x] I have read\n2024-01-02T03:04:05.123Z time=\"x\" sha256:0123456789abcdef /tmp/buildkit-mount123/x done");
        assertThat(clean).isEqualTo("done");
    }
}
