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
        assertThat(sigs).contains("panic: runtime error: invalid memory address or nil pointer dereference",
                "panic at github.com/moby/buildkit/solver.(*edge).unpark");
    }

    @Test
    void noiseIsStripped() {
        String clean = NoiseStripper.strip("<!-- template -->\n- [x] I have read\n2024-01-02T03:04:05.123Z time=\"x\" sha256:0123456789abcdef /tmp/buildkit-mount123/x done");
        assertThat(clean).isEqualTo("done");
    }
}
