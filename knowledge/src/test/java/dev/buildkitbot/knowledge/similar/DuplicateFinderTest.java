package dev.buildkitbot.knowledge.similar;

import dev.buildkitbot.knowledge.Knowledge;
import dev.buildkitbot.knowledge.SearchMode;
import dev.buildkitbot.knowledge.issues.IssueRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateFinderTest {
    @TempDir
    static Path data;
    static Knowledge knowledge;

    static IssueRecord issue(int number, String title, String body, boolean pr) {
        return new IssueRecord("moby/buildkit", number, title, body, "open", null, List.of("kind/bug"), "u",
                Instant.EPOCH, Instant.EPOCH, null, 0, "https://github.com/moby/buildkit/issues/" + number, pr);
    }

    @BeforeAll
    static void open() {
        knowledge = Knowledge.open(data, Knowledge.Options.defaults().withoutShippedIssues());
        knowledge.upsertIssues(List.of(
                issue(1, "buildkitd panics on cache export",
                        "panic: runtime error: invalid memory address or nil pointer dereference\n"
                                + "goroutine 1 [running]:\ngithub.com/moby/buildkit/cache/remotecache.(*exporter).Finalize(0x1)\n", false),
                issue(2, "Fix nil pointer in cache export", "This fixes the panic in cache export", true),
                issue(3, "COPY fails with failed to compute cache key",
                        "#12 0.345 ERROR: failed to compute cache key: \"/app/go.sum\" not found: not found\n", false),
                issue(4, "build hangs forever on RUN step", "nothing happens, the build is stuck", false),
                issue(5, "Support for Windows containers", "When will windows be supported?", false),
                issue(6, "Proposal: entitlements", "Builds could request extra capabilities such as an insecure sandbox "
                        + "or host network access; the daemon grants them only when its configuration allows them.", false),
                issue(15, "layer cache lost after daemon restart", "", false),
                issue(16, "crash while pulling from a private registry",
                        "panic: runtime error: invalid memory address or nil pointer dereference\n"
                                + "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x1a3c14e]\n\ngoroutine 412 [running]:\n"
                                + "github.com/moby/buildkit/session/auth.(*authHandlerNS).get(0x0, {0xc00072e0e0, 0x9}, 0xc000d4a030)\n"
                                + "\t/src/session/auth/authprovider.go:301 +0x4e\n", false),
                issue(12, "Backport the cache export nil pointer fix", "", true),
                issue(17, "compose up restarts the service", "", false),
                new IssueRecord("docker/buildx", 15, "bake ignores the platforms of a target", "", "open", null, List.of(), "u",
                        Instant.EPOCH, Instant.EPOCH, null, 0, "https://github.com/docker/buildx/issues/15", false)));
        knowledge.embedMissingIssueVectors(64, (done, total) -> { });
    }

    @AfterAll
    static void close() {
        knowledge.close();
    }

    @Test
    void aSharedErrorSignatureFindsTheIssueAndSaysWhy() {
        String report = "my build fails\n#7 1.234 ERROR: failed to compute cache key: \"/src/other.txt\" not found: not found";

        List<IssueMatch> matches = knowledge.similar(report, DuplicateFinder.Options.top(3));

        assertThat(matches.get(0).number()).isEqualTo(3);
        assertThat(matches.get(0).why()).startsWith("same error: ").contains("failed to compute cache key");
        assertThat(matches.get(0).confidence()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aPanicTraceMatchesOnItsFirstBuildkitFrame() {
        String trace = "panic: runtime error: invalid memory address or nil pointer dereference\n"
                + "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x5]\n\ngoroutine 77 [running]:\n"
                + "github.com/moby/buildkit/cache/remotecache.(*exporter).Finalize(0xc000123)\n";

        List<IssueMatch> matches = knowledge.similar(trace, DuplicateFinder.Options.top(3));

        assertThat(matches).extracting(IssueMatch::number).first().isEqualTo(1);
    }

    /** Go's nil-dereference line ends unrelated crashes: alone it is no reason for confidence. */
    @Test
    void aPanicInAnotherFunctionIsNotTheSameErrorForSharingGosMessage() {
        String trace = "panic: runtime error: invalid memory address or nil pointer dereference\n"
                + "[signal SIGSEGV: segmentation violation code=0x1 addr=0x38 pc=0x11d5a2f]\n\ngoroutine 3107 [running]:\n"
                + "github.com/moby/buildkit/solver.(*exporter).ExportTo(0xc000b0c1e0, {0x24d6d28, 0xc001a2e3f0})\n"
                + "\t/src/solver/exporter.go:112 +0x2cf\n";

        List<IssueMatch> matches = knowledge.similar(trace, DuplicateFinder.Options.top(5));

        assertThat(matches).allSatisfy(m -> {
            assertThat(m.why()).doesNotStartWith("same error");
            assertThat(m.confidence()).isLessThan(0.65);
        });
        List<IssueMatch> same = knowledge.similar(trace.replace("solver.(*exporter).ExportTo", "session/auth.(*authHandlerNS).get"),
                DuplicateFinder.Options.top(3));
        assertThat(same.get(0).number()).isEqualTo(16);
        assertThat(same.get(0).why()).isEqualTo("same error: panic at github.com/moby/buildkit/session/auth.(*authhandlerns).get");
    }

    @Test
    void pullRequestsAreExcludedUnlessAsked() {
        assertThat(knowledge.similar("nil pointer cache export fix", DuplicateFinder.Options.top(5)))
                .extracting(IssueMatch::number).doesNotContain(2);
        assertThat(knowledge.similar("nil pointer cache export fix", new DuplicateFinder.Options(5, true, Set.of())))
                .extracting(IssueMatch::number).contains(2);
    }

    @Test
    void excludedIssuesNeverComeBack() {
        assertThat(knowledge.similar("build hangs forever on RUN step", new DuplicateFinder.Options(5, false, Set.of("moby/buildkit#4"))))
                .extracting(IssueMatch::number).doesNotContain(4);
    }

    @Test
    void confidenceSeparatesAGoodMatchFromAWeakOne() {
        IssueMatch good = knowledge.similar("build hangs forever on a RUN step", DuplicateFinder.Options.top(1)).get(0);
        assertThat(good.number()).isEqualTo(4);
        assertThat(good.confidence()).isGreaterThan(0.6);
        assertThat(good.why()).startsWith("same words: ");

        List<IssueMatch> weak = knowledge.similar("windows registry mirror with rootless podman", DuplicateFinder.Options.top(1));
        assertThat(weak).allSatisfy(m -> assertThat(m.confidence()).isLessThan(0.5));
    }

    @Test
    void aParaphraseWithoutSharedWordsIsFoundByMeaningAndSaysSo() {
        // Not one word in common with #6 (after stemming): only meaning can connect them.
        String report = "Privileged operations?\nCan a Dockerfile get elevated permissions, for instance to use "
                + "the machine's own interfaces or relax isolation?";

        List<IssueMatch> hybrid = knowledge.similar(report, DuplicateFinder.Options.top(3));
        List<IssueMatch> lexical = knowledge.similar(report, DuplicateFinder.Options.top(3).with(SearchMode.LEXICAL));

        assertThat(hybrid.get(0).number()).isEqualTo(6);
        assertThat(hybrid.get(0).why()).contains("similar meaning");
        // Meaning alone never reaches the channel hint threshold.
        assertThat(hybrid.get(0).confidence()).isLessThan(0.65);
        assertThat(lexical).extracting(IssueMatch::number).doesNotContain(6);
    }

    /** Only the candidates shown are read in full; what is shown does not depend on how many are asked for. */
    @Test
    void aShorterListIsTheStartOfALongerOne() {
        int longer = 0;
        for (String report : List.of("Privileged operations?\nCan a Dockerfile get elevated permissions, for instance "
                        + "to use the machine's own interfaces or relax isolation?",
                "the build hangs and is stuck on the RUN step, nothing happens; cache export panics too",
                "COPY fails: failed to compute cache key: \"/app/go.sum\" not found")) {
            List<IssueMatch> five = knowledge.similar(report, DuplicateFinder.Options.top(5));
            List<IssueMatch> two = knowledge.similar(report, DuplicateFinder.Options.top(2));
            assertThat(five).as(report).isNotEmpty();
            longer += five.size() > 2 ? 1 : 0;
            assertThat(two).as(report).containsExactlyElementsOf(five.subList(0, Math.min(2, five.size())));
            assertThat(five).as(report).allSatisfy(m -> assertThat(m.why()).isNotBlank());
        }
        assertThat(longer).as("some list is longer than two, so the cut is tested").isPositive();
    }

    @Test
    void aReportIsReadWholeAndByItsTitleAlone() {
        List<String> seen = new java.util.ArrayList<>();
        dev.buildkitbot.knowledge.embed.Embedder recording = new dev.buildkitbot.knowledge.embed.Embedder() {
            public String id() {
                return "recording";
            }

            public int dimension() {
                return 1;
            }

            public List<float[]> embed(List<String> texts) {
                seen.addAll(texts);
                return texts.stream().map(t -> new float[] {t.length()}).toList();
            }
        };

        var report = DuplicateFinder.QueryVectors.start(recording, "cpu quota does not work\nI set --cpu-quota and nothing changes.");
        assertThat(seen).containsExactly("cpu quota does not work\nI set --cpu-quota and nothing changes.", "cpu quota does not work");
        assertThat(report.all()).hasSize(2);

        seen.clear();
        var oneLine = DuplicateFinder.QueryVectors.start(recording, "cpu quota does not work");
        assertThat(seen).containsExactly("cpu quota does not work");
        assertThat(oneLine.all()).hasSize(1);
    }

    @Test
    void anIssueTheReportNamesIsSuggestedWithoutRaisingConfidence() {
        // No word in common with #4 ("build hangs forever on RUN step"): only the link connects them.
        String report = "arm64 runner problem\nSame thing as https://github.com/moby/buildkit/issues/4 on our arm64 runners since Tuesday.";

        for (SearchMode mode : SearchMode.values()) {
            List<IssueMatch> matches = knowledge.similar(report, DuplicateFinder.Options.top(3).with(mode));

            assertThat(matches).as(mode.name()).extracting(IssueMatch::reference).contains("moby/buildkit#4");
            IssueMatch named = matches.stream().filter(m -> m.number() == 4).findFirst().orElseThrow();
            assertThat(named.why()).as(mode.name()).startsWith("named in the report");
            // The reporter already knows it: naming an issue is no reason for a hint in the channel.
            assertThat(named.confidence()).as(mode.name()).isLessThan(0.65);
        }
    }

    @Test
    void aBareNumberMayMeanAnIssueOfEitherRepositoryButNeverAnExcludedOneOrAPullRequest() {
        String report = "arm64 runner problem\nSame thing as #15 on our arm64 runners since Tuesday; the fix in #12 did not help.";

        assertThat(knowledge.similar(report, DuplicateFinder.Options.top(5))).extracting(IssueMatch::reference)
                .contains("moby/buildkit#15", "docker/buildx#15").doesNotContain("moby/buildkit#12");
        assertThat(knowledge.similar(report, new DuplicateFinder.Options(5, true, Set.of("moby/buildkit#15"))))
                .extracting(IssueMatch::reference).contains("docker/buildx#15", "moby/buildkit#12").doesNotContain("moby/buildkit#15");
        // Build output numbers its steps like issues; they name nothing.
        assertThat(knowledge.similar("arm64 runner problem\n#15 [2/3] RUN make\n#15 DONE 0.3s", DuplicateFinder.Options.top(5)))
                .allSatisfy(m -> assertThat(m.why()).doesNotContain("named in the report"));
    }

    @Test
    void nothingToMatchGivesNothing() {
        assertThat(knowledge.similar("   ", DuplicateFinder.Options.top(3))).isEmpty();
        assertThat(knowledge.similar("zzqx plorf", DuplicateFinder.Options.top(3))).isEmpty();
    }

    @Test
    void oneSharedWordIsNotAMatch() {
        // Issue 17 shares only "up" with this; by words alone that is all there is.
        String report = "the progress output never shows up for the cache import step";
        List<IssueMatch> lexical = knowledge.similar(report, new DuplicateFinder.Options(10, false, Set.of(), SearchMode.LEXICAL));
        assertThat(lexical).extracting(IssueMatch::number).doesNotContain(17);
        assertThat(lexical).allSatisfy(m -> assertThat(m.why()).doesNotMatch("same words: [^,;]+"));
    }
}
