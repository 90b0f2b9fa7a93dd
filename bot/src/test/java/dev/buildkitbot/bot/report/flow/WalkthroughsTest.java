package dev.buildkitbot.bot.report.flow;

import dev.buildkitbot.bot.report.capture.Validators;
import dev.buildkitbot.knowledge.source.MarkdownSectionParser;
import dev.buildkitbot.knowledge.source.Section;
import dev.buildkitbot.knowledge.source.ShippedKnowledge;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** config/walkthroughs.yml: every anchor exists in the guide, every validator and step exists. */
class WalkthroughsTest {
    final Walkthroughs flows = Walkthroughs.load();
    final Set<String> anchors = MarkdownSectionParser.forGuide()
            .parse(ShippedKnowledge.load().guide().content(), "guide", "moby/buildkit", ".github/issue_reporting_guide.md")
            .stream().map(Section::anchor).collect(Collectors.toSet());

    @Test
    void hasTheAgreedKindsAndRuntimes() {
        assertThat(flows.kinds()).extracting(Walkthroughs.Kind::id)
                .containsExactly("hang", "crash", "regression", "wrong-result", "slow", "security", "question");
        assertThat(flows.runtimes()).extracting(Walkthroughs.Runtime::id)
                .containsExactly("docker", "buildx-container", "buildx-remote", "buildkitd");
    }

    @Test
    void everyAnchorValidatorAndStepExists() {
        flows.kinds().forEach(k -> {
            assertThat(anchors).as("kind %s anchor", k.id()).contains(k.anchor());
            k.steps().forEach(flows::step);
        });
        flows.steps().forEach(s -> {
            assertThat(anchors).as("step %s anchor", s.id()).contains(s.anchor());
            assertThat(Validators.names()).as("step %s validator", s.id()).contains(s.validator());
            assertThat(s.prompt()).as("step %s prompt", s.id()).isNotBlank();
            assertThat(Set.of("text", "capture", "choice")).contains(s.input());
        });
    }

    @Test
    void captureStepsHaveCommandsForEveryRuntime() {
        for (Walkthroughs.Step step : flows.steps()) {
            if (!step.commands().isEmpty() && !step.commands().containsKey("any")) {
                flows.runtimes().forEach(r -> assertThat(step.commandsFor(r.id())).as("%s for %s", step.id(), r.id()).isNotEmpty());
            }
        }
    }

    @Test
    void commandsFollowTheCaptureNotes() {
        var goroutines = flows.step("goroutines");
        assertThat(String.join("\n", goroutines.commandsFor("buildx-container")))
                .contains("docker exec buildx_buildkit_{builder}0 wget").contains("debug/pprof/goroutine?debug=2");
        assertThat(String.join("\n", goroutines.commandsFor("docker"))).contains("USR1").doesNotContain("SIGQUIT $(pidof dockerd)");
        assertThat(String.join("\n", goroutines.commandsFor("buildkitd"))).contains("--debugaddr").contains("kill -QUIT");
        assertThat(String.join("\n", flows.step("scheduler-debug").commandsFor("buildx-container"))).contains("env.BUILDKIT_SCHEDULER_DEBUG=1");
        assertThat(String.join("\n", flows.step("build-record").commandsFor("buildx-container"))).contains("docker buildx history export");
        assertThat(String.join("\n", flows.step("versions").commandsFor("buildkitd"))).contains("buildctl --version").contains("buildkitd --version");
    }
}
