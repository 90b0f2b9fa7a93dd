package dev.buildkitbot.bot.report.facts;

import dev.buildkitbot.bot.report.flow.Walkthroughs.Command;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandRendererTest {
    static final List<Command> GOROUTINES = List.of(
            new Command("docker exec {container} wget -qO- http://{debugaddr}/debug/pprof/goroutine?debug=2", "debugaddr", null),
            new Command("docker exec {container} wget -qO- http://127.0.0.1:6060/debug/pprof/goroutine?debug=2", null, "flags-known"),
            new Command("docker kill --signal=SIGQUIT {container}", null, "debugaddr"));

    @Test
    void knownFactsPickTheLinesAndFillThem() {
        SetupFacts facts = SetupParser.parse("Name: repro\nDriver: docker-container\n\nNodes:\nName: repro0\n"
                + "BuildKit daemon flags: --debugaddr=127.0.0.1:7070\nBuildKit version: v0.12.5\n");
        var rendered = CommandRenderer.render(GOROUTINES, new FactValues(facts, "v0.33.0"));
        assertThat(rendered.missing()).isNull();
        assertThat(rendered.lines()).containsExactly("docker exec buildx_buildkit_repro0 wget -qO- http://127.0.0.1:7070/debug/pprof/goroutine?debug=2");
    }

    @Test
    void flagsKnownWithoutDebugAddressLeaveOnlySigquit() {
        SetupFacts facts = SetupParser.parse("Name: repro\nDriver: docker-container\n\nNodes:\nName: repro0\nBuildKit daemon flags: --debug\n");
        assertThat(CommandRenderer.render(GOROUTINES, new FactValues(facts, null)).lines())
                .containsExactly("docker kill --signal=SIGQUIT buildx_buildkit_repro0");
    }

    @Test
    void anUnknownBuilderIsAskedForNeverShownAsAPlaceholder() {
        var rendered = CommandRenderer.render(GOROUTINES, new FactValues(SetupFacts.NONE, null));
        assertThat(rendered.lines()).isEmpty();
        assertThat(rendered.missing()).isEqualTo(FactValues.BUILDER);
        var afterAnswer = CommandRenderer.render(GOROUTINES, new FactValues(SetupFacts.NONE.withBuilder("ci"), null));
        assertThat(afterAnswer.lines()).hasSize(2).allSatisfy(l -> assertThat(l).contains("buildx_buildkit_ci0").doesNotContain("{"));
    }

    @Test
    void aPlaceholderNobodyCanAnswerIsAConfigurationError() {
        assertThatThrownBy(() -> CommandRenderer.render(List.of(Command.of("curl {debugaddr}")), new FactValues(SetupFacts.NONE, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("{debugaddr}");
        assertThatThrownBy(() -> CommandRenderer.fill("{nope}", new FactValues(SetupFacts.NONE, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void releaseVersionsCompareAsReleases() {
        assertThat(ReleaseVersion.older("v0.12.5", "v0.33.0")).isTrue();
        assertThat(ReleaseVersion.older("v0.13.0-rc1", "v0.13.0")).isTrue();
        assertThat(ReleaseVersion.older("v0.33.0", "v0.33.0")).isFalse();
        assertThat(ReleaseVersion.older("v0.34.0", "v0.33.0")).isFalse();
        assertThat(ReleaseVersion.older("0.16.0+4c4f3e7", "v0.33.0")).as("Docker's embedded BuildKit").isTrue();
        assertThat(ReleaseVersion.older("master", "v0.33.0")).isFalse();
    }
}
