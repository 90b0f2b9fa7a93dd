package dev.buildkitbot.bot.report.engine;

import dev.buildkitbot.bot.report.Samples;
import dev.buildkitbot.bot.report.draft.IssueDraftBuilder;
import dev.buildkitbot.bot.report.draft.IssueTemplates;
import dev.buildkitbot.bot.report.flow.Walkthroughs;
import dev.buildkitbot.knowledge.source.ShippedKnowledge;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportEngineTest {
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    /** docker buildx version + inspect of builder repro (docker-container, --debugaddr 127.0.0.1:6060), BuildKit v0.13.0-rc1. */
    static final String VERSIONS = Samples.INSPECT.replace("v0.12.5", "v0.13.0-rc1");
    static final String REPRO = "docker buildx build --no-cache .\n\nFROM alpine\nRUN --mount=type=cache,target=/root/.cache sleep 1\n";
    static final Walkthroughs FLOWS = Walkthroughs.load();
    static final IssueTemplates TEMPLATES = IssueTemplates.from(ShippedKnowledge.load(), "moby/buildkit");

    final List<IssueLookup.Found> found = new ArrayList<>();
    final ReportEngine engine = new ReportEngine(FLOWS, text -> List.copyOf(found),
            new IssueDraftBuilder(FLOWS, TEMPLATES, "moby/buildkit"));

    Session session;
    List<Reply> last;

    void start() {
        Outcome o = engine.start("U1", NOW);
        session = o.session();
        last = o.replies();
    }

    void send(Input input) {
        Outcome o = engine.handle(session, input, NOW);
        session = o.session();
        last = o.replies();
    }

    void text(String s) {
        send(new Input.Text(s));
    }

    void choose(String id) {
        send(new Input.Choice(id));
    }

    String said() {
        StringBuilder sb = new StringBuilder();
        last.forEach(r -> sb.append(r).append('\n'));
        return sb.toString();
    }

    String link() {
        return last.stream().filter(r -> r instanceof Reply.Link l && l.url().contains("/issues/new?"))
                .map(r -> ((Reply.Link) r).url()).findFirst().orElse(null);
    }

    static String decoded(String url) {
        return URLDecoder.decode(url, StandardCharsets.UTF_8);
    }

    @Test
    void hangWalkthroughEndToEnd() {
        start();
        assertThat(last).anySatisfy(r -> assertThat(r).isInstanceOf(Reply.Choices.class));
        choose("hang");
        choose("buildx-container");
        assertThat(session.currentStep()).isEqualTo("summary");
        text("build hangs forever when exporting cache to the registry");
        text("It never finishes; I expected the push to complete in a minute.");
        assertThat(said()).contains("docker buildx version");
        text(VERSIONS);
        // The goroutine step is written for this builder: its container, its debug address, no SIGQUIT needed.
        assertThat(said()).contains("Found: BuildKit v0.13.0-rc1, Buildx v0.17.1, driver docker-container, builder repro")
                .contains("docker exec buildx_buildkit_repro0 wget -qO- \"http://127.0.0.1:6060/debug/pprof/goroutine?debug=2\"")
                .contains("already has --debugaddr 127.0.0.1:6060").doesNotContain("docker kill").doesNotContain("{").doesNotContain("}");
        text(Samples.dump(30));
        text(REPRO);
        assertThat(session.phase()).isEqualTo(Session.Phase.DONE);
        String url = link();
        assertThat(url).startsWith("https://github.com/moby/buildkit/issues/new?title=").hasSizeLessThanOrEqualTo(IssueDraftBuilder.MAX_URL);
        assertThat(decoded(url)).contains("title=build hangs forever when exporting cache to the registry")
                .contains("### Bug description").contains("### Reproduction").contains("### Version information")
                .contains("BuildKit version: v0.13.0-rc1");
        assertThat(last.stream().filter(r -> r instanceof Reply.File)).extracting(r -> ((Reply.File) r).name()).contains("goroutines.txt");
        assertThat(session.draftUrl()).isEqualTo(url);
    }

    @Test
    void crashWalkthroughWithOptionalDebugLogsSkipped() {
        start();
        choose("crash");
        choose("buildkitd");
        text("buildkitd panics with nil pointer in solver");
        text("skip");
        text("buildctl github.com/moby/buildkit v0.16.0 abc\nbuildkitd github.com/moby/buildkit v0.16.0 abc");
        text("panic: runtime error: invalid memory address or nil pointer dereference\n" + Samples.dump(3));
        assertThat(said()).contains("Panic trace");
        text("skip");
        text(REPRO);
        assertThat(session.phase()).isEqualTo(Session.Phase.DONE);
        assertThat(decoded(link())).contains("panic: runtime error");
    }

    @Test
    void regressionTitleCarriesTheVersionAsTheGuideAsks() {
        start();
        choose("regression");
        choose("buildx-container");
        text("panic when running a cache export");
        text("Worked before, panics now.");
        text(VERSIONS);
        text("v0.12.5 works, v0.13.0-rc1 fails");
        text("0123456789abcdef is the first bad commit");
        text(REPRO);
        assertThat(decoded(link())).contains("title=[v0.13.0-rc1] panic when running a cache export").contains("git bisect result");
    }

    @Test
    void wrongResultAndSlowWalkthroughsFinish() {
        for (String kind : List.of("wrong-result", "slow")) {
            start();
            choose(kind);
            choose("docker");
            text("the exported image is missing files from the last stage");
            text("Expected /app/bin in the image.");
            text("Client:\n Version:           27.3.1\nServer:\n Engine:\n  Version:          27.3.1\n");
            while (session.phase() == Session.Phase.STEP) {
                String step = session.currentStep();
                text("reproducer".equals(step) ? REPRO : "skip");
            }
            assertThat(session.phase()).as(kind).isEqualTo(Session.Phase.DONE);
            assertThat(link()).as(kind).isNotNull();
        }
    }

    @Test
    void securityNeverYieldsALink() {
        start();
        choose("security");
        assertThat(session.phase()).isEqualTo(Session.Phase.DONE);
        assertThat(said()).contains("security@docker.com").contains("do NOT report security issues publicly");
        assertThat(link()).isNull();
        assertThat(session.draftUrl()).isNull();
    }

    @Test
    void aQuestionIsSentToAsk() {
        start();
        choose("question");
        assertThat(session.phase()).isEqualTo(Session.Phase.DONE);
        assertThat(said()).contains("Ask away");
    }

    void walkAHangReportToTheEnd() {
        start();
        choose("hang");
        choose("docker");
        text("docker build stuck with high CPU");
        text("skip");
        text("Client:\n Version:           27.3.1\n");
        text(Samples.dump(20));
        text(REPRO);
    }

    @Test
    void theDuplicateCheckCanEndAtAnExistingIssue() {
        found.add(new IssueLookup.Found("moby/buildkit#4942", "Docker buildkit stuck with high CPU", "closed",
                "https://github.com/moby/buildkit/issues/4942", "shared terms: stuck, cpu"));
        walkAHangReportToTheEnd();
        assertThat(session.phase()).isEqualTo(Session.Phase.DUPLICATES);
        assertThat(said()).contains("moby/buildkit#4942").contains("None of these");
        choose("issue:moby/buildkit#4942");
        assertThat(session.phase()).isEqualTo(Session.Phase.DONE);
        assertThat(session.chosenIssue()).isEqualTo("moby/buildkit#4942");
        assertThat(said()).contains("reaction").contains("If it is closed, open a new issue that links to it");
        assertThat(link()).isNull();
    }

    @Test
    void issuesTheReporterRejectedAreNotListedAsRelated() {
        found.add(new IssueLookup.Found("moby/buildkit#1", "something else", "open", "https://github.com/moby/buildkit/issues/1", ""));
        walkAHangReportToTheEnd();
        choose(ReportEngine.NONE_OF_THESE);
        assertThat(decoded(link())).doesNotContain("### Related issues").doesNotContain("moby/buildkit#1");
    }

    @Test
    void onlyTheIssuesKeptAsRelatedAreListed() {
        found.add(new IssueLookup.Found("moby/buildkit#1", "something else", "open", "https://github.com/moby/buildkit/issues/1", ""));
        found.add(new IssueLookup.Found("moby/buildkit#2", "cache export hangs with many layers", "closed", "https://github.com/moby/buildkit/issues/2", ""));
        walkAHangReportToTheEnd();
        choose("related:moby/buildkit#2");
        assertThat(session.phase()).isEqualTo(Session.Phase.DUPLICATES);
        assertThat(said()).contains("Kept moby/buildkit#2 as related");
        choose(ReportEngine.NONE_OF_THESE);
        assertThat(decoded(link())).contains("### Related issues\n\n- moby/buildkit#2\n").doesNotContain("moby/buildkit#1");
    }

    /** A session read back from disk (a restart) shows the duplicate check as it was first shown. */
    @Test
    void aResumedDuplicateCheckKeepsTheTitles() {
        found.add(new IssueLookup.Found("moby/buildkit#2", "cache export hangs with many layers", "closed", "https://github.com/moby/buildkit/issues/2", "same words: cache, export"));
        walkAHangReportToTheEnd();
        Outcome resumed = engine.resume(session);
        assertThat(resumed.replies()).anySatisfy(r -> assertThat(r).isEqualTo(
                new Reply.Link("moby/buildkit#2 cache export hangs with many layers (closed) — same words: cache, export", "https://github.com/moby/buildkit/issues/2")));
    }

    /** A 3 KB dump fits in the link beside the rest: it stays inline rather than becoming a file to attach. */
    @Test
    void aDumpThatFitsTheLinkIsInlined() {
        start();
        choose("hang");
        choose("buildx-container");
        text("build hangs forever when exporting cache to the registry");
        text("skip");
        text(VERSIONS);
        String dump = Samples.dump(14);
        assertThat(dump.length()).isBetween(2_500, 3_500);
        text(dump);
        text(REPRO);
        assertThat(last).noneSatisfy(r -> assertThat(r).isInstanceOf(Reply.File.class));
        assertThat(decoded(link())).contains("**Goroutine dump**").contains(dump.lines().skip(3).findFirst().orElseThrow());
    }

    @Test
    void aVulnerabilityDescribedAsACrashTakesThePrivateRoute() {
        start();
        choose("crash");
        choose("buildx-container");
        text("buildkitd crashes when a secret mount is used");
        text("After the crash the secret I pass with --mount=type=secret ends up in the image layer, anyone who pulls it can read it.");
        assertThat(said()).contains("reads like a security vulnerability").contains("\u201csecret I pass with --mount=type=secret ends up in the image\u201d");
        assertThat(session.security()).isEqualTo(Session.SECURITY_ASKING);
        assertThat(engine.resume(session).replies()).anySatisfy(r -> assertThat(r).isInstanceOf(Reply.Choices.class)
                .extracting(c -> ((Reply.Choices) c).options().get(0).id()).isEqualTo(ReportEngine.PRIVATE_ROUTE));
        text(VERSIONS);
        assertThat(said()).contains("isn't one of the choices");
        choose(ReportEngine.PRIVATE_ROUTE);
        assertThat(session.phase()).isEqualTo(Session.Phase.DONE);
        assertThat(session.draftUrl()).isNull();
        assertThat(said()).contains("security@docker.com");
        assertThat(link()).isNull();
    }

    @Test
    void theReporterCanSayItIsNotASecurityProblemOnce() {
        start();
        choose("crash");
        choose("buildkitd");
        text("possible privilege escalation: buildkitd panics in the solver");
        assertThat(session.security()).isEqualTo(Session.SECURITY_ASKING);
        choose(ReportEngine.NOT_SECURITY);
        assertThat(session.currentStep()).isEqualTo("expected");
        text("It panics, which I first read as an exploit of the CVE in runc; it is not, it is a plain nil pointer.");
        assertThat(session.currentStep()).isEqualTo("versions");
        text("buildctl github.com/moby/buildkit v0.16.0 abc\nbuildkitd github.com/moby/buildkit v0.16.0 abc");
        text("panic: runtime error: invalid memory address or nil pointer dereference\n" + Samples.dump(3));
        text("skip");
        text(REPRO);
        assertThat(session.phase()).isEqualTo(Session.Phase.DONE);
        assertThat(link()).isNotNull();
    }

    @Test
    void aSecretMountInAnOrdinaryBugIsNotASecurityReport() {
        start();
        choose("hang");
        choose("buildkitd");
        text("build hangs at RUN --mount=type=secret,id=npmrc when the secret file is large");
        text("The secret is read by npm install; the build never finishes and leaks memory.");
        assertThat(session.security()).isNull();
        assertThat(session.currentStep()).isEqualTo("versions");
    }

    @Test
    void wrongPastesAreNamedAndRequiredStepsCannotBeSkipped() {
        start();
        choose("hang");
        choose("buildkitd");
        text("build hangs on COPY with many files");
        text("skip");
        text(REPRO);
        assertThat(said()).contains("looks like a Dockerfile, not version output").doesNotContain("Step 4");
        assertThat(session.currentStep()).isEqualTo("versions");
        text("skip");
        assertThat(said()).contains("can't be skipped");
        text("back");
        assertThat(session.currentStep()).isEqualTo("expected");
    }

    @Test
    void secretsArePastedAwayBeforeAnythingIsKept() {
        start();
        choose("crash");
        choose("buildx-container");
        text("push fails with 401 from my registry");
        text("It printed: failed to push https://bob:hunter2secret@registry.example.com/app");
        assertThat(said()).contains("I removed secrets").contains("password in URL");
        assertThat(session.captures().get("expected").text()).doesNotContain("hunter2secret").contains("[REDACTED]@registry.example.com");
        assertThat(session.captures().get("expected").redactions()).containsEntry("password in URL", 1);
    }

    @Test
    void aFiveMegabyteDumpStillGivesALinkUnderTheLimitAndComesBackAsAFile() {
        start();
        choose("hang");
        choose("buildkitd");
        text("buildkitd deadlocks under parallel builds");
        text("skip");
        text("buildctl github.com/moby/buildkit v0.16.0 abc\nbuildkitd github.com/moby/buildkit v0.16.0 abc");
        String big = Samples.dump(30_000);
        assertThat(big.length()).isGreaterThan(5_000_000);
        send(new Input.Upload("goroutines.txt", big.getBytes(StandardCharsets.UTF_8)));
        assertThat(said()).contains("30000 goroutines");
        text(REPRO + "x".repeat(9_000));
        String url = link();
        assertThat(url).hasSizeLessThanOrEqualTo(IssueDraftBuilder.MAX_URL);
        var files = last.stream().filter(r -> r instanceof Reply.File).map(r -> (Reply.File) r).toList();
        assertThat(files).anySatisfy(f -> {
            assertThat(f.name()).isEqualTo("goroutines.txt");
            assertThat(f.content()).hasSize(big.length());
        });
        assertThat(said()).contains("Attach");
    }

    @Test
    void binaryAndCompressedUploadsAreRefusedClearly() {
        start();
        choose("hang");
        choose("buildkitd");
        text("buildkitd deadlocks under parallel builds");
        text("skip");
        send(new Input.Upload("logs.tar.gz", new byte[]{0x1f, (byte) 0x8b, 8, 0, 0}));
        assertThat(said()).contains("compressed archive");
        send(new Input.Upload("core", new byte[]{0x7f, 'E', 'L', 'F', 0, 0, 1}));
        assertThat(said()).contains("binary file");
        assertThat(session.currentStep()).isEqualTo("versions");
    }

    @Test
    void helpExplainsAndIsNeverKeptAsAnAnswer() {
        start();
        text("help");
        assertThat(said()).contains("`back`").contains("`skip`").contains("`cancel`").contains("What kind of problem");
        assertThat(session.kind()).isNull();
        text("banana");
        assertThat(said()).contains("isn't one of the choices").contains("What kind of problem");
        choose("hang");
        choose("buildx-container");
        text("Help");
        assertThat(session.captures()).doesNotContainKey("summary");
        assertThat(said()).contains("`cancel`").contains("Step 1 of");
        text("build hangs forever when exporting cache to the registry");
        assertThat(session.captures()).containsKey("summary");
    }

    @Test
    void cancelEndsAndFinishedSessionsSaySo() {
        start();
        choose("hang");
        text("cancel");
        assertThat(session.phase()).isEqualTo(Session.Phase.CANCELLED);
        text("hello");
        assertThat(said()).contains("finished");
    }

    @Test
    void requestedStepsRunOnlyThoseAndFinishWithoutADraft() {
        Outcome o = engine.startRequested("U2", List.of("versions", "goroutines"), "UMAINT", "C1:1.2", NOW);
        session = o.session();
        choose("buildx-container");
        assertThat(session.currentStep()).isEqualTo("versions");
        text(VERSIONS);
        text(Samples.dump(12));
        assertThat(session.phase()).isEqualTo(Session.Phase.DONE);
        assertThat(session.captures()).containsOnlyKeys("versions", "goroutines");
        assertThat(link()).isNull();
        assertThat(session.requestedBy()).isEqualTo("UMAINT");
        assertThat(Map.of("origin", session.origin())).containsEntry("origin", "C1:1.2");
    }

    // --- the walkthrough that knows the reporter's setup ------------------------------------------

    final ReportEngine withLatest = new ReportEngine(FLOWS, text -> List.copyOf(found),
            new IssueDraftBuilder(FLOWS, TEMPLATES, "moby/buildkit"), repo -> java.util.Optional.of("v0.33.0"));

    void startWith(ReportEngine e) {
        Outcome o = e.start("U1", NOW);
        session = o.session();
        last = o.replies();
    }

    void sendTo(ReportEngine e, Input input) {
        Outcome o = e.handle(session, input, NOW);
        session = o.session();
        last = o.replies();
    }

    @Test
    void withoutTheBuildersNameTheStepAsksForItOnceThenUsesIt() {
        start();
        choose("hang");
        choose("buildx-container");
        text("build hangs forever on export");
        text("skip");
        // The versions without the builder's name (its "Name:" line was not pasted).
        text("github.com/docker/buildx v0.17.1 257815a\nDriver: docker-container\n BuildKit version: v0.16.0\n");
        assertThat(said()).contains("needs your builder's name first").doesNotContain("{");
        assertThat(session.pendingFact()).isEqualTo("builder");
        text("not a name!");
        assertThat(said()).contains("doesn't look like a builder name");
        text("ci-builder");
        assertThat(session.pendingFact()).isNull();
        assertThat(session.currentStep()).isEqualTo("goroutines");
        // Its flags are not known: both ways are shown, with the real container name.
        assertThat(said()).contains("buildx_buildkit_ci-builder0").contains("only if the builder was created with")
                .contains("docker kill --signal=SIGQUIT buildx_buildkit_ci-builder0").doesNotContain("{");
        text(Samples.dump(12));
        assertThat(session.currentStep()).isEqualTo("reproducer");
    }

    @Test
    void theDockerDriverRoutesToDockerdsCommands() {
        start();
        choose("hang");
        choose("buildx-container");
        text("docker build hangs at exporting layers");
        text("skip");
        text("github.com/docker/buildx v0.17.1 257815a\nName:   default\nDriver: docker\n\nNodes:\nName:             default\n"
                + "Endpoint:         default\nStatus:           running\nBuildKit version: v0.16.0+4c4f3e7\n");
        assertThat(session.runtime()).isEqualTo("docker");
        assertThat(said()).contains("docker driver: BuildKit runs inside dockerd")
                .contains("kill -USR1 $(pidof dockerd)").contains("dockerd -D").doesNotContain("buildx_buildkit").doesNotContain("{");
    }

    @Test
    void aStandaloneDaemonGetsTheStandaloneCommands() {
        start();
        choose("hang");
        choose("buildx-container");
        text("buildkitd stops answering after a few builds");
        text("skip");
        text("buildctl github.com/moby/buildkit v0.16.0 abc123\nbuildkitd github.com/moby/buildkit v0.16.0 abc123\n");
        assertThat(session.runtime()).isEqualTo("buildkitd");
        assertThat(said()).contains("standalone buildkitd").contains("kill -QUIT $(pidof buildkitd)").doesNotContain("docker exec");
    }

    @Test
    void pastingInspectAtTheRuntimeQuestionAnswersIt() {
        start();
        choose("crash");
        text(VERSIONS);
        assertThat(session.runtime()).isEqualTo("buildx-container");
        assertThat(session.facts().builder()).isEqualTo("repro");
        assertThat(said()).contains("From that output: docker buildx with the docker-container driver, builder repro, BuildKit v0.13.0-rc1");
        assertThat(session.currentStep()).isEqualTo("summary");
    }

    @Test
    void debugLogsStepSkipsEnablingDebugWhenTheDaemonAlreadyHasIt() {
        start();
        choose("crash");
        choose("buildx-container");
        text("panic in cache export");
        text("skip");
        text(VERSIONS.replace("--debugaddr=127.0.0.1:6060", "--debug --debugaddr=127.0.0.1:6060"));
        text("panic: runtime error: invalid memory address or nil pointer dereference\n" + Samples.dump(3));
        assertThat(session.currentStep()).isEqualTo("debug-logs");
        assertThat(said()).contains("docker logs buildx_buildkit_repro0 > buildkitd.log").contains("already runs with --debug")
                .doesNotContain("--buildkitd-flags '--debug'");
    }

    /** A hang report on a buildx builder, up to and including its versions, with the latest release known. */
    void hangUpToVersions(String versions) {
        startWith(withLatest);
        for (Input input : List.of(new Input.Choice("hang"), new Input.Choice("buildx-container"),
                new Input.Text("build hangs forever when exporting cache to the registry"), new Input.Text("skip"), new Input.Text(versions))) {
            sendTo(withLatest, input);
        }
    }

    @Test
    void anOlderBuildKitIsAskedToTryTheLatestReleaseAndTheDraftSaysWhatHappened() {
        hangUpToVersions(VERSIONS);
        assertThat(session.currentStep()).isEqualTo("try-latest");
        assertThat(session.steps()).containsExactly("summary", "expected", "versions", "try-latest", "goroutines", "reproducer");
        assertThat(said()).contains("Your BuildKit is v0.13.0-rc1; the latest release is v0.33.0")
                .contains("docker buildx create --name buildkit-latest --driver-opt image=moby/buildkit:v0.33.0 --bootstrap")
                .contains("Still happens on v0.33.0").doesNotContain("{");
        sendTo(withLatest, new Input.Choice("still"));
        assertThat(session.currentStep()).isEqualTo("goroutines");
        sendTo(withLatest, new Input.Text(Samples.dump(30)));
        sendTo(withLatest, new Input.Text(REPRO));
        assertThat(decoded(link())).contains("### Version information").contains("- Latest release: Still happens on v0.33.0")
                .contains("- How BuildKit runs: docker buildx with the docker-container driver")
                .contains("- BuildKit version: v0.13.0-rc1").contains("- Buildx driver: docker-container (builder repro)")
                .contains("- Daemon flags: --debugaddr=127.0.0.1:6060");
    }

    @Test
    void fixedOnTheLatestReleaseEndsWithoutADraft() {
        hangUpToVersions(VERSIONS);
        sendTo(withLatest, new Input.Text("fixed"));
        assertThat(session.phase()).isEqualTo(Session.Phase.DONE);
        assertThat(said()).contains("already fixed").contains("v0.33.0");
        assertThat(link()).isNull();
    }

    @Test
    void theLatestReleaseIsNotOfferedToThoseOnIt() {
        hangUpToVersions(VERSIONS.replace("v0.13.0-rc1", "v0.33.0"));
        assertThat(session.steps()).doesNotContain("try-latest");
        assertThat(session.currentStep()).isEqualTo("goroutines");
    }
}
