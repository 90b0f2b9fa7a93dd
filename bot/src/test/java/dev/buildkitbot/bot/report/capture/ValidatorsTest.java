package dev.buildkitbot.bot.report.capture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValidatorsTest {
    static String dump(int goroutines) {
        return dev.buildkitbot.bot.report.Samples.dump(goroutines);
    }

    static final String DOCKERFILE = "FROM alpine:3.19\nRUN apk add curl\nCOPY . /src\n";

    @Test
    void goroutineDumps() {
        assertThat(Validators.validate("goroutine-dump", dump(40)).status()).isEqualTo(Verdict.Status.OK);
        Verdict cut = Validators.validate("goroutine-dump", dump(2));
        assertThat(cut.status()).isEqualTo(Verdict.Status.WARN);
        assertThat(cut.message()).contains("cut off");
        Verdict wrong = Validators.validate("goroutine-dump", DOCKERFILE);
        assertThat(wrong.status()).isEqualTo(Verdict.Status.REJECT);
        assertThat(wrong.message()).contains("looks like a Dockerfile");
    }

    @Test
    void panicsAndErrors() {
        String panic = "panic: runtime error: invalid memory address or nil pointer dereference\n" + dump(3);
        assertThat(Validators.validate("error-trace", panic).status()).isEqualTo(Verdict.Status.OK);
        assertThat(Validators.validate("error-trace", "panic: boom").status()).isEqualTo(Verdict.Status.WARN);
        assertThat(Validators.validate("error-trace", "ERROR: failed to solve: process did not complete successfully: exit code: 1").message())
                .contains("--debug");
        assertThat(Validators.validate("error-trace", DOCKERFILE).status()).isEqualTo(Verdict.Status.REJECT);
    }

    @Test
    void versionsAreParsed() {
        String out = "github.com/docker/buildx v0.17.1 257815a\nName: mybuilder\nDriver: docker-container\n BuildKit version: v0.16.0\n";
        Verdict v = Validators.validate("versions", out);
        assertThat(v.status()).isEqualTo(Verdict.Status.OK);
        assertThat(v.message()).contains("BuildKit v0.16.0").contains("Buildx v0.17.1").contains("builder mybuilder");
        assertThat(Validators.validate("versions", "buildctl github.com/moby/buildkit v0.13.0-rc1 8e3dd9c\n").message())
                .contains("buildctl v0.13.0-rc1");
        assertThat(Validators.validate("versions", "buildctl github.com/moby/buildkit v0.13.0-rc1 8e3dd9c\n"
                + "buildkitd github.com/moby/buildkit v0.13.0-rc1 8e3dd9c\n").status()).isEqualTo(Verdict.Status.OK);
        assertThat(Validators.validate("versions", "Client:\n Version:           27.3.1\n").message()).contains("Docker Engine 27.3.1");
        assertThat(Validators.validate("versions", dump(10)).message()).contains("goroutine dump");
    }

    @Test
    void debugLogsBisectAndReproducers() {
        assertThat(Validators.validate("debug-log", "time=\"x\" level=debug msg=\"resolving\"").status()).isEqualTo(Verdict.Status.OK);
        assertThat(Validators.validate("debug-log", "DEBU[0001] session started").status()).isEqualTo(Verdict.Status.OK);
        assertThat(Validators.validate("debug-log", "level=info msg=started").status()).isEqualTo(Verdict.Status.WARN);
        assertThat(Validators.validate("bisect", "a1b2c3d4e5f6a7b8 is the first bad commit\ncommit a1b2…").status()).isEqualTo(Verdict.Status.OK);
        assertThat(Validators.validate("bisect", "Bisecting: 3 revisions left").status()).isEqualTo(Verdict.Status.REJECT);
        assertThat(Validators.validate("reproducer", "docker buildx build .\n" + DOCKERFILE).status()).isEqualTo(Verdict.Status.OK);
        assertThat(Validators.validate("reproducer", dump(10)).status()).isEqualTo(Verdict.Status.REJECT);
        assertThat(Validators.validate("summary", "hang").status()).isEqualTo(Verdict.Status.REJECT);
        assertThat(Validators.validate("text", "   ").status()).isEqualTo(Verdict.Status.REJECT);
    }

    @Test
    void clientVersionsAloneAskForTheBuildKitThatRunsTheBuild() {
        // `docker buildx version` and `buildctl --version`: the clients, not the daemon.
        Verdict buildx = Validators.validate("versions", "github.com/docker/buildx v0.17.1 257815a\n");
        assertThat(buildx.status()).isEqualTo(Verdict.Status.REJECT);
        assertThat(buildx.message()).contains("Buildx v0.17.1").contains("not the BuildKit").contains("docker buildx inspect");
        assertThat(Validators.validate("versions", "buildctl github.com/moby/buildkit v0.13.0-rc1 8e3dd9c\n").status())
                .isEqualTo(Verdict.Status.REJECT);
    }

    @Test
    void anIntermittentProblemMayHaveNoReproducerButMustSayWhatWasTried() {
        assertThat(Validators.validate("reproducer", "I can't reproduce it reliably").status()).isEqualTo(Verdict.Status.REJECT);
        Verdict tried = Validators.validate("reproducer", "It happens only sometimes in CI, maybe one build in twenty. "
                + "Pruning the cache and pinning the builder image made no difference.");
        assertThat(tried.status()).isEqualTo(Verdict.Status.WARN);
        assertThat(tried.accepted()).isTrue();
        assertThat(tried.message()).contains("not reliably reproducible");
        // Prose that is not about reproducing keeps the usual advice.
        assertThat(Validators.validate("reproducer", "see the attached project").message()).contains("commands you run");
    }

    @Test
    void aSummaryWithNoKnownWordIsRejected() {
        Vocabulary none = text -> 0;
        assertThat(Validators.validate("summary", "asdfgh qwerty zxcv", none).status()).isEqualTo(Verdict.Status.REJECT);
        assertThat(Validators.validate("summary", "build hangs at COPY", text -> 3).status()).isEqualTo(Verdict.Status.OK);
    }
}
