package dev.buildkitbot.knowledge.similar;

import dev.buildkitbot.knowledge.similar.IssueReferences.Reference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IssueReferencesTest {
    @Test
    void findsLinksQualifiedAndBareNumbersInTheOrderNamed() {
        String report = "Similar to #1143, and maybe https://github.com/moby/buildkit/issues/4942#issuecomment-1 too.\n"
                + "See also docker/buildx#456 and https://github.com/docker/buildx/pull/2325.";

        assertThat(IssueReferences.in(report)).containsExactly(new Reference(null, 1143), new Reference("moby/buildkit", 4942),
                new Reference("docker/buildx", 456), new Reference("docker/buildx", 2325));
    }

    @Test
    void aLinkedNumberIsOneIssue() {
        assertThat(IssueReferences.in("It seems related to [issue #4483](https://github.com/moby/buildkit/issues/4483); see #12345."))
                .containsExactly(new Reference("moby/buildkit", 4483), new Reference(null, 12345));
    }

    @Test
    void buildProgressStepsAreNotIssues() {
        String log = """
                #7 96.84 Setting up libgd3:arm64 (2.3.0-2) ...
                #12 [2/3] RUN make
                #12 DONE 0.3s
                  #4 CACHED
                > #3 ERROR: failed to fetch
                [2023-09-06 17:12:48.593]  #20 exporting layers 3.2s done
                15:09:16  #1 creating container buildx_buildkit_mybuilder0
                #0 2.122 autogen.sh: not found
                """;

        assertThat(IssueReferences.in(log)).isEmpty();
        assertThat(IssueReferences.in("it fails at step #12 and at Stage #3; the #1 problem for us")).isEmpty();
        assertThat(IssueReferences.in("fixed by moby/buildkit#7 long ago")).containsExactly(new Reference("moby/buildkit", 7));
        assertThat(IssueReferences.in("it&#39;s broken since #20 . Would be nice")).containsExactly(new Reference(null, 20));
    }

    @Test
    void aListOfLinksCountsItsFirstFew() {
        StringBuilder many = new StringBuilder("related:");
        for (int i = 1; i <= 12; i++) {
            many.append(" #").append(100 + i).append(',');
        }

        assertThat(IssueReferences.in(many.toString())).hasSize(IssueReferences.MAX_REFERENCES)
                .first().isEqualTo(new Reference(null, 101));
        assertThat(IssueReferences.in("fixes #0 and #101 and #101 again")).containsExactly(new Reference(null, 101));
    }

    @Test
    void stripTakesTheReferencesOutAndKeepsTheWords() {
        String stripped = IssueReferences.strip("Similar to #1143: see https://github.com/moby/buildkit/issues/905 for cache export\n#7 [1/2] FROM x");

        assertThat(stripped).doesNotContain("1143").doesNotContain("905").contains("Similar to", "for cache export", "#7 [1/2] FROM x");
        assertThat(IssueReferences.in(stripped)).isEmpty();
    }
}
