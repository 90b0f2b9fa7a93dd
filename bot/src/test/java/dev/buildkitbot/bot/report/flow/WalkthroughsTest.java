package dev.buildkitbot.bot.report.flow;

import dev.buildkitbot.bot.report.capture.Validators;
import dev.buildkitbot.knowledge.source.MarkdownSectionParser;
import dev.buildkitbot.knowledge.source.Section;
import dev.buildkitbot.knowledge.source.ShippedKnowledge;
import org.junit.jupiter.api.Test;

import dev.buildkitbot.bot.report.facts.CommandRenderer;
import dev.buildkitbot.bot.report.facts.FactValues;
import dev.buildkitbot.bot.report.facts.SetupFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
            if (!s.choice()) {
                assertThat(Validators.names()).as("step %s validator", s.id()).contains(s.validator());
            }
            assertThat(s.prompt()).as("step %s prompt", s.id()).isNotBlank();
            assertThat(Set.of("text", "paragraph", "capture", "choice")).contains(s.input());
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

    private String runs(String step, String runtime) {
        return flows.step(step).commandsFor(runtime).stream().map(Walkthroughs.Command::run).collect(Collectors.joining("\n"));
    }

    @Test
    void commandsFollowTheCaptureNotes() {
        assertThat(runs("goroutines", "buildx-container"))
                .contains("docker exec {container} wget").contains("debug/pprof/goroutine?debug=2").contains("SIGQUIT {container}");
        assertThat(runs("goroutines", "docker")).contains("USR1").contains("dockerd -D").doesNotContain("SIGQUIT $(pidof dockerd)");
        assertThat(runs("goroutines", "buildkitd")).contains("--debugaddr").contains("kill -QUIT");
        assertThat(runs("scheduler-debug", "buildx-container")).contains("env.BUILDKIT_SCHEDULER_DEBUG=1");
        assertThat(runs("build-record", "buildx-container")).contains("docker buildx history export");
        assertThat(runs("versions", "buildkitd")).contains("buildctl --version").contains("buildkitd --version");
        assertThat(runs("try-latest", "buildx-container")).contains("moby/buildkit:{latest}").contains("BUILDX_BUILDER=buildkit-latest");
    }

    /** Every {placeholder} and condition the file uses is one the renderer knows, and fills with a full set of facts. */
    @Test
    void everyPlaceholderAndConditionIsKnown() {
        SetupFacts full = new SetupFacts("repro", "repro0", "docker-container", "unix:///var/run/docker.sock", "v0.12.5",
                "v0.17.1", "v0.12.5", "27.3.1", List.of("--debug", "--debugaddr=127.0.0.1:6060"), "127.0.0.1:6060", true,
                false, true, "Docker Desktop", "linux/arm64", "overlayfs", "oci");
        FactValues values = new FactValues(full, "v0.33.0");
        Pattern placeholder = Pattern.compile("\\{([a-z-]+)}");
        for (Walkthroughs.Step step : flows.steps()) {
            List<String> texts = new ArrayList<>(List.of(step.prompt()));
            step.options().forEach(o -> texts.add(o.label()));
            step.commands().values().forEach(list -> list.forEach(c -> {
                texts.add(c.run());
                for (String condition : new String[]{c.when(), c.unless()}) {
                    if (condition != null) {
                        assertThat(FactValues.CONDITIONS).as("%s: condition %s", step.id(), condition).contains(condition);
                    }
                }
            }));
            for (String text : texts) {
                Matcher m = placeholder.matcher(text);
                while (m.find()) {
                    assertThat(FactValues.PLACEHOLDERS).as("%s: {%s}", step.id(), m.group(1)).contains(m.group(1));
                }
                assertThat(CommandRenderer.fill(text, values)).as(step.id()).doesNotContain("{").doesNotContain("}");
            }
            if (step.choice()) {
                assertThat(step.options()).as("%s options", step.id()).isNotEmpty();
            }
        }
    }
}
