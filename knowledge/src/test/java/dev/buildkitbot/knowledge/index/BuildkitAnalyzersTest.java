package dev.buildkitbot.knowledge.index;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BuildkitAnalyzersTest {
    final BuildkitAnalyzers analyzers = new BuildkitAnalyzers();

    @Test
    void keepsBuildkitVocabularySearchable() {
        assertThat(analyzers.terms("body", "set --debugaddr and BUILDKIT_SCHEDULER_DEBUG=1, send SIGQUIT to buildkitd"))
                .contains("debugaddr", "buildkit_scheduler_debug", "sigquit", "buildkitd");
        assertThat(analyzers.terms("body", "regression in v0.13.0-rc1")).contains("v0.13.0", "rc1");
        assertThat(analyzers.terms("body", "buildctl")).containsExactly("buildctl");
    }

    @Test
    void foldsHangFormsIncludingIrregularOnes() {
        assertThat(analyzers.terms("body", "hangs hanging hung hang")).containsExactly("hang");
    }

    @Test
    void queriesAddSynonymsForHowUsersDescribeADeadlock() {
        var terms = dev.buildkitbot.knowledge.ask.QueryTerms.of(analyzers.query(), "body", "my build is stuck");
        assertThat(terms.groups()).anySatisfy(g -> assertThat(g.terms()).contains("hang", "deadlock", "stuck"));
        var phrase = dev.buildkitbot.knowledge.ask.QueryTerms.of(analyzers.query(), "body", "it never finishes");
        assertThat(phrase.groups()).anySatisfy(g -> assertThat(g.terms()).contains("hang", "deadlock"));
    }

    @Test
    void questionWordsAreNotTerms() {
        assertThat(analyzers.terms("body", "how do I")).isEmpty();
    }
}
